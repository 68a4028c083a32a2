package dev.keyport.application.port.in;

import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.Origin;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** See {@link dev.keyport.application.port.out.KeyQuery} for the meaning of each filter. */
public record ListKeysCommand(Caller caller, Set<KeyState> states, Optional<Origin> origin, Optional<KeyUsage> usage,
                              Optional<String> search, boolean newestFirst, long offset, int limit) {

    public ListKeysCommand {
        Objects.requireNonNull(caller, "caller");
        states = Set.copyOf(states);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(search, "search");
    }
}
