package dev.keyport.application.service;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.port.in.SweepUseCase;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.domain.LifecyclePolicy;
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

    private final KeyUnitOfWork unitOfWork;
    private final KeyRepository keys;

    public SweepService(KeyUnitOfWork unitOfWork, KeyRepository keys) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public SweepResult sweep(SweepCommand command) {
        String requestId = "sweep-" + UUID.randomUUID();
        int expired = 0;
        for (KeyRef ref : unitOfWork.query(now -> keys.findMaterialExpiryDue(now, command.batchSize()))) {
            if (unitOfWork.expire(caller(ref, requestId), ref.id())) {
                expired++;
            }
        }
        int purged = 0;
        List<KeyRef> due = unitOfWork.query(now -> keys.findPurgeDue(now, command.batchSize()));
        for (KeyRef ref : due) {
            if (unitOfWork.purge(caller(ref, requestId), ref.id())) {
                purged++;
            }
        }
        int grants = unitOfWork.query(now -> keys.removeExpiredGrants(now));
        return new SweepResult(expired, purged, grants);
    }

    private static Caller caller(KeyRef ref, String requestId) {
        return new Caller(ref.scope(), CREDENTIAL, requestId, LifecyclePolicy.NEUTRAL); // expiry and purge know no vendor
    }
}
