package dev.keyport.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The human name of a key, unique within its scope. This record accepts what either vendor could accept; the
 * stricter rules of each vendor are an {@link AliasRule} the adapter chooses through its {@link LifecyclePolicy}.
 */
public record Alias(String value) {

    private static final Pattern ANY_VENDOR = Pattern.compile("^[A-Za-z0-9:/_-]{1,255}$");

    public Alias {
        Objects.requireNonNull(value, "alias");
        if (!ANY_VENDOR.matcher(value).matches()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_ALIAS, "alias", "must match " + ANY_VENDOR);
        }
    }

    public static Alias of(String value) {
        return new Alias(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
