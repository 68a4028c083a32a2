package dev.keyport.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A vendor's rule for aliases: the characters and length it allows, and the names it reserves. */
public record AliasRule(Pattern format, List<String> reservedPrefixes, List<String> reservedSuffixes) {

    public AliasRule {
        Objects.requireNonNull(format, "format");
        reservedPrefixes = List.copyOf(reservedPrefixes);
        reservedSuffixes = List.copyOf(reservedSuffixes);
    }

    public void check(Alias alias) {
        check(alias, null);
    }

    /** As {@link #check(Alias)}, for the alias of a key whose id is known already: the refusal names the key. */
    public void check(Alias alias, KeyId keyId) {
        String value = alias.value();
        if (!format.matcher(value).matches()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_ALIAS, "alias", "must match " + format, keyId,
                    null);
        }
        if (reservedPrefixes.stream().anyMatch(value::startsWith)
                || reservedSuffixes.stream().anyMatch(value::endsWith)) {
            throw new InvalidValueException(DomainErrorCode.INVALID_ALIAS, "alias", "uses a reserved name", keyId,
                    null);
        }
    }
}
