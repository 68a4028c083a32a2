package dev.keyport.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a key, for the audit trail: which key, what changed, from which state to which, when and why.
 * {@code detail} is free of secrets by construction (a window, a resource, a grant id).
 */
public record KeyEvent(KeyId keyId, KeyChange change, KeyState from, KeyState to, Instant at, ChangeReason reason,
                       String detail) {

    public KeyEvent {
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
