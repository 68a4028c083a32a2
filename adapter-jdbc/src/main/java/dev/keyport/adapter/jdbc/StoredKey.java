package dev.keyport.adapter.jdbc;

import dev.keyport.domain.CloudResource;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ImportGrant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the database holds of a key, as far as a save needs it to write only the difference: the version of its row,
 * and which children it has — a material row or not, its bindings, its grants by id. Nothing secret: this is all a
 * transaction remembers of the keys it read.
 */
record StoredKey(long version, boolean hasMaterial, Set<CloudResource> bindings, Set<String> grantIds) {

    /** A key not stored yet. */
    static final StoredKey NONE = new StoredKey(0, false, Set.of(), Set.of());

    StoredKey {
        bindings = Set.copyOf(bindings);
        grantIds = Set.copyOf(grantIds);
    }

    /** What is stored once {@code key} has been saved at {@code version}. */
    static StoredKey of(Cmk key, long version) {
        return new StoredKey(version, key.hasMaterial(), key.bindings(),
                key.grants().stream().map(ImportGrant::grantId).collect(Collectors.toSet()));
    }
}
