package dev.keyport.bootstrap.archfixture.cycle.b;

import dev.keyport.bootstrap.archfixture.cycle.a.A;

/** With {@link A}, breaks "no package cycles". */
public class B {

    public A a;
}
