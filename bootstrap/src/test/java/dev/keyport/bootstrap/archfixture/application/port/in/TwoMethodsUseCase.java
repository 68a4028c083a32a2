package dev.keyport.bootstrap.archfixture.application.port.in;

/** Breaks "use cases are single-method interfaces". */
public interface TwoMethodsUseCase {

    void first();

    void second();
}
