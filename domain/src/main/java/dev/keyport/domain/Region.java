package dev.keyport.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A region such as {@code ap-guangzhou} or {@code cn-north-4}; keys are scoped to one. */
public record Region(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    public Region {
        Objects.requireNonNull(value, "region");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "region", "must match " + FORMAT);
        }
    }

    public static Region of(String value) {
        return new Region(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
