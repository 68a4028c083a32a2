package dev.keyport.bootstrap.archfixture.adapter.tencent;

import dev.keyport.bootstrap.archfixture.adapter.huawei.HuaweiThing;

/** Breaks "adapters do not depend on each other". */
public class CallsHuawei {

    public Object call() {
        return new HuaweiThing();
    }
}
