package dev.keyport.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every field of a CMK, as a store hands it back to {@link Cmk#rehydrate}. {@link Cmk#snapshot()} makes one with the
 * material and the wrapping private keys in clear (the in-memory store keeps those); a store that seals secrets hands
 * them back still sealed ({@link KeyMaterial#sealed}, {@link WrappingKeyPair#sealed}), and the aggregate opens one only
 * when an operation needs it.
 *
 * @param version the optimistic-concurrency version the snapshot was loaded at (0 for a key never stored)
 */
public record CmkSnapshot(KeyId id, KeyScope scope, Alias alias, Description description, KeyUsage usage,
                          Origin origin, Instant createdAt, KeyState state, KeyMaterial material,
                          MaterialFingerprint fingerprint, Instant materialExpiresAt, Instant deletionDate,
                          Set<CloudResource> bindings, List<ImportGrant> grants, long version) {

    public CmkSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(state, "state");
        bindings = Set.copyOf(bindings);
        grants = List.copyOf(grants);
        material = material == null ? null : material.copy();
    }

    /** The same snapshot at another version; repositories use it to record what they stored. */
    public CmkSnapshot withVersion(long newVersion) {
        return new CmkSnapshot(id, scope, alias, description, usage, origin, createdAt, state, material,
                fingerprint, materialExpiresAt, deletionDate, bindings, grants, newVersion);
    }

    /** The same snapshot with other import grants; the in-memory store uses it to drop expired ones. */
    public CmkSnapshot withGrants(List<ImportGrant> newGrants) {
        return new CmkSnapshot(id, scope, alias, description, usage, origin, createdAt, state, material,
                fingerprint, materialExpiresAt, deletionDate, bindings, newGrants, version);
    }

    public boolean hasMaterial() {
        return material != null;
    }

    @Override
    public KeyMaterial material() {
        return material == null ? null : material.copy();
    }

    @Override
    public String toString() {
        return "CmkSnapshot[" + id + ", " + scope + ", " + state + ", " + origin + ", v" + version + "]";
    }
}
