package dev.keyport.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A key as a seed file describes it — an operator's fixed id, alias, origin and state, and for an EXTERNAL key the
 * material itself, in clear — for {@link Cmk#seed} to make in one step.
 *
 * @param material    EXTERNAL keys only: the material to hold (for PendingImport: to have held, so that only it can
 *                    be imported again); the seed keeps it, and whoever made the seed erases it once the key is made
 * @param state       the state the key is to be in
 * @param pendingDays PendingDelete only: how many days until the key is deleted
 */
public record KeySeed(KeyId id, KeyScope scope, Alias alias, Description description, KeyUsage usage, Origin origin,
                      Optional<KeyMaterial> material, KeyState state, int pendingDays) {

    public KeySeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(state, "state");
    }

    /** Erases the material this seed holds, if any. */
    public void erase() {
        material.ifPresent(KeyMaterial::erase);
    }
}
