package dev.keyport.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A free-text description of a key; empty when none was given. At most 1024 UTF-8 bytes. */
public record Description(String value) {

    public static final int MAX_UTF8_BYTES = 1024;
    public static final Description NONE = new Description("");

    public Description {
        Objects.requireNonNull(value, "description");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new InvalidValueException(DomainErrorCode.INVALID_DESCRIPTION, "description",
                    "must be at most " + MAX_UTF8_BYTES + " UTF-8 bytes");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidValueException(DomainErrorCode.INVALID_DESCRIPTION, "description",
                    "must not contain control characters");
        }
    }

    public static Description of(String value) {
        return value == null || value.isEmpty() ? NONE : new Description(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
