package dev.keyport.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller may see of a key: its metadata and state, never its material. Built from an aggregate whose material
 * expiry has been applied, or by a repository straight from stored columns.
 */
public record KeyView(KeyId id, KeyScope scope, Alias alias, Description description, KeyUsage usage, Origin origin,
                      KeyState state, Instant createdAt, Optional<Instant> materialExpiresAt,
                      Optional<Instant> deletionDate) {

    public KeyView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(materialExpiresAt, "material expires at");
        Objects.requireNonNull(deletionDate, "deletion date");
    }
}
