package dev.keyport.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The identity of a CMK: a 36-character lowercase UUID, the form both vendors use. */
public record KeyId(String value) implements Comparable<KeyId> {

    private static final Pattern FORMAT =
            Pattern.compile("^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$");

    public KeyId {
        Objects.requireNonNull(value, "key id");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_KEY_ID, "key id", "must match " + FORMAT);
        }
    }

    public static KeyId of(String value) {
        return new KeyId(value);
    }

    public static KeyId from(UUID uuid) {
        return new KeyId(uuid.toString());
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(KeyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
