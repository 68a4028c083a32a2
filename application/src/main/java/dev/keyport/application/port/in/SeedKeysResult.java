package dev.keyport.application.port.in;

/**
 * @param created        keys of the batch made now
 * @param alreadyPresent seeds of the batch left alone: their id was stored already, or given earlier in the batch
 */
public record SeedKeysResult(int created, int alreadyPresent) {
}
