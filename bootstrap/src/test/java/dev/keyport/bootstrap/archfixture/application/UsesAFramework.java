package dev.keyport.bootstrap.archfixture.application;

import dev.keyport.bootstrap.archfixture.bootstrap.Wiring;
import org.junit.jupiter.api.Assertions;

/** Breaks "application depends on the domain only" and "only bootstrap sees bootstrap". */
public class UsesAFramework {

    public void run() {
        Assertions.assertNotNull(new Wiring());
    }
}
