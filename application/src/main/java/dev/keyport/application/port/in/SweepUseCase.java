package dev.keyport.application.port.in;

/**
 * Background work over all scopes: expiring material whose expiry has passed, purging keys whose deletion date has
 * passed. Safe to run on several servers at once: a key is changed once, by whichever server gets there first.
 */
public interface SweepUseCase {

    SweepResult sweep(SweepCommand command);
}
