package dev.keyport.application.port.in;

import dev.keyport.domain.KeySeed;
import dev.keyport.domain.LifecyclePolicy;
import java.util.List;
import java.util.Objects;

/**
 * @param credentialId what the audit trail records as the credential of every key of the batch (each key's request id
 *                     is {@code seed-} and its id)
 * @param policy       the rules the keys are made under
 * @param keys         the batch, in the file's order; a key id given twice is made once, as first given
 */
public record SeedKeysCommand(String credentialId, LifecyclePolicy policy, List<KeySeed> keys) {

    public SeedKeysCommand {
        Objects.requireNonNull(credentialId, "credential id");
        Objects.requireNonNull(policy, "policy");
        keys = List.copyOf(keys);
    }
}
