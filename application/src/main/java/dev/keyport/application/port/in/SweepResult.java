package dev.keyport.application.port.in;

/**
 * @param materialExpired keys whose expired material this sweep deleted
 * @param keysPurged      keys past their deletion date that this sweep removed
 * @param grantsRemoved   expired import grants (wrapping keys and token digests) this sweep removed
 */
public record SweepResult(int materialExpired, int keysPurged, int grantsRemoved) {
}
