package dev.keyport.bootstrap.archfixture.adapter.huawei;

/** An adapter class. */
public class HuaweiThing {
}
