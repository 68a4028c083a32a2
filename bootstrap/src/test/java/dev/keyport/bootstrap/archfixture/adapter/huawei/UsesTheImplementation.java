package dev.keyport.bootstrap.archfixture.adapter.huawei;

import dev.keyport.bootstrap.archfixture.application.service.TheImplementation;

/** Breaks "adapters see the application through its ports only". */
public class UsesTheImplementation {

    public Object call() {
        return new TheImplementation();
    }
}
