package dev.keyport.application.port.out;

import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.Origin;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A filtered, ordered page of keys. States are the states as seen at {@code now}: a key whose material expiry has
 * passed is PendingImport (or PendingDelete), and a key past its deletion date is not listed at all.
 *
 * @param states      the states to list; never empty
 * @param origin      only keys of this origin, when present
 * @param usage       only keys of this usage, when present
 * @param search      a case-insensitive substring of the alias or the key id, when present
 * @param newestFirst order by creation time, newest first (then by id), or oldest first
 * @param offset      how many matching keys to skip
 * @param limit       at most how many keys to return
 * @param now         the time at which states are seen
 */
public record KeyQuery(Set<KeyState> states, Optional<Origin> origin, Optional<KeyUsage> usage,
                       Optional<String> search, boolean newestFirst, long offset, int limit, Instant now) {

    public static final int MAX_LIMIT = 1000;

    public KeyQuery {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(now, "now");
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a query lists at least one state");
        }
        states = Set.copyOf(states);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
    }

    public static KeyQuery all(Instant now) {
        return new KeyQuery(EnumSet.allOf(KeyState.class), Optional.empty(), Optional.empty(), Optional.empty(),
                true, 0, MAX_LIMIT, now);
    }
}
