package dev.keyport.application.port.in;

/**
 * @param materialExpired keys whose expired material this sweep deleted
 * @param keysPurged      keys past their deletion date that this sweep removed
 */
public record SweepResult(int materialExpired, int keysPurged) {
}
