package dev.keyport.bootstrap.archfixture.domain;

import dev.keyport.bootstrap.archfixture.adapter.huawei.HuaweiThing;

/** Breaks "domain depends on the JDK only". */
public class UsesAnAdapter {

    public Object adapter() {
        return new HuaweiThing();
    }
}
