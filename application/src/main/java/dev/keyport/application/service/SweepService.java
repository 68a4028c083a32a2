package dev.keyport.application.service;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.port.in.SweepUseCase;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.application.port.out.KeyRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Persists what every read already sees: expired material deleted, keys past their deletion date gone. Each key is
 * handled in its own transaction, so one key's trouble does not hold up the others, and a key another server
 * handled first is simply found with nothing left to do.
 */
public final class SweepService implements SweepUseCase {

    public static final String CREDENTIAL = "keyport-sweep";

    private final KeyOperations operations;
    private final KeyRepository keys;

    public SweepService(KeyOperations operations, KeyRepository keys) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public SweepResult sweep(SweepCommand command) {
        String requestId = "sweep-" + UUID.randomUUID();
        int expired = 0;
        for (KeyRef ref : operations.query(now -> keys.findMaterialExpiryDue(now, command.batchSize()))) {
            if (operations.expire(caller(ref, requestId), ref.id())) {
                expired++;
            }
        }
        int purged = 0;
        List<KeyRef> due = operations.query(now -> keys.findPurgeDue(now, command.batchSize()));
        for (KeyRef ref : due) {
            if (operations.purge(caller(ref, requestId), ref.id())) {
                purged++;
            }
        }
        int grants = operations.query(now -> keys.removeExpiredGrants(now));
        return new SweepResult(expired, purged, grants);
    }

    private static Caller caller(KeyRef ref, String requestId) {
        return new Caller(ref.scope(), CREDENTIAL, requestId);
    }
}
