package dev.keyport.bootstrap.archfixture.domain;

import java.time.Instant;

/** Breaks "no ambient time in the core". */
public class ReadsTheClock {

    public Instant now() {
        return Instant.now();
    }
}
