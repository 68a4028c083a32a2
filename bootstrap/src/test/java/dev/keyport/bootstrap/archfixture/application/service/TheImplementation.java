package dev.keyport.bootstrap.archfixture.application.service;

/** A class of the application that is not a port: the implementation behind the use cases. */
public class TheImplementation {
}
