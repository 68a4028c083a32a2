package dev.keyport.bootstrap.archfixture.cycle.a;

import dev.keyport.bootstrap.archfixture.cycle.b.B;

/** With {@link B}, breaks "no package cycles". */
public class A {

    public B b;
}
