package dev.keyport.bootstrap.archfixture.bootstrap;

/** What nothing but bootstrap may depend on. */
public class Wiring {
}
