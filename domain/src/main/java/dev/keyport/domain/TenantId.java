package dev.keyport.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The owner of keys: every key belongs to exactly one tenant. */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "tenant id", "must match " + FORMAT);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
