package dev.keyport.application.service;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.port.out.AuditSink;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.TransactionBoundary;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyEvent;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyNotFoundException;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The unit of work of every use case that touches a key: in one transaction, load it from the caller's scope, act
 * (the aggregate applies the material expiry itself), save what changed together with its audit records, and retry a
 * bounded number of times when another writer got there first. A key past its deletion date is not found, even before
 * the purge has run. Once done with a key, it {@linkplain Cmk#discard discards} it: the material it held in clear is
 * erased before the transaction ends, whatever the outcome.
 */
public final class KeyUnitOfWork {

    /** How many times a use case runs before a concurrent change is reported to the caller. */
    public static final int MAX_ATTEMPTS = 5;

    private final KeyRepository keys;
    private final AuditSink audit;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public KeyUnitOfWork(KeyRepository keys, AuditSink audit, TransactionBoundary transactions, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new key: stored with its creation recorded. */
    public <R> R create(Caller caller, Function<Instant, Cmk> factory, Function<Cmk, R> result) {
        return audited(caller, Optional.empty(), KeyOperation.CREATE, () -> transactions.inTransaction(() -> {
            Cmk key = factory.apply(clock.instant());
            try {
                keys.add(key);
                record(caller, KeyOperation.CREATE, key.drainEvents(), 1);
                return result.apply(key);
            } finally {
                key.discard();
            }
        }));
    }

    /** New keys to store together, and what the use case answers once they are stored. */
    public record NewKeys<R>(List<Cmk> keys, R result) {

        public NewKeys {
            keys = List.copyOf(keys);
        }
    }

    /**
     * Many new keys in one transaction (a seed file's batch): {@code make} gets the time and returns the keys — it may
     * read the repository first, to leave out ids stored already — which are stored in one batch
     * ({@link KeyRepository#addAll}) with the records of their events, in one batch too, then discarded. Each key's
     * records, and a refusal that names a key, are recorded under {@code callers.apply(its id)}. A refusal stores
     * nothing of the batch; a lost race runs the whole batch again. {@code make} discards the keys it made when it
     * throws.
     */
    public <R> R createAll(Function<KeyId, Caller> callers, KeyOperation operation,
                           Function<Instant, NewKeys<R>> make) {
        for (int attempts = 1; ; attempts++) {
            try {
                return transactions.inTransaction(() -> {
                    NewKeys<R> made = make.apply(clock.instant());
                    try {
                        keys.addAll(made.keys());
                        List<AuditRecord> records = new ArrayList<>(made.keys().size());
                        for (Cmk key : made.keys()) {
                            Caller caller = callers.apply(key.id());
                            for (KeyEvent event : key.drainEvents()) {
                                records.add(AuditRecord.changed(event, caller.scope(), operation,
                                        caller.credentialId(), caller.requestId(), 1));
                            }
                        }
                        audit.recordAll(records);
                        return made.result();
                    } finally {
                        made.keys().forEach(Cmk::discard);
                    }
                });
            } catch (ConcurrentKeyChangeException conflict) {
                if (attempts >= MAX_ATTEMPTS) {
                    throw conflict;
                }
            } catch (DomainException refusal) {
                refusal.keyId().ifPresent(id -> recordRefusal(callers.apply(id), refusal.keyId(), operation,
                        refusal));
                throw refusal;
            }
        }
    }

    /** A change of one key. Nothing is written when the action changed nothing. */
    public <R> R change(Caller caller, KeyId id, KeyOperation operation, BiFunction<Cmk, Instant, R> action) {
        return audited(caller, Optional.of(id), operation, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Cmk key = load(caller.scope(), id, now);
            try {
                R result = action.apply(key, now);
                List<KeyEvent> events = key.drainEvents();
                if (!events.isEmpty()) {
                    keys.update(key);
                    record(caller, operation, events, key.version() + 1);
                }
                return result;
            } finally {
                key.discard();
            }
        }));
    }

    /**
     * The same change of several keys, all or nothing (EnableKeys, DisableKeys): in one transaction every key is
     * loaded and changed, in the order given, and then each is stored with its records; the first refusal stores
     * nothing of the batch and is recorded on the key it names, and a lost race runs the whole batch again.
     */
    public <R> List<R> changeAll(Caller caller, List<KeyId> ids, KeyOperation operation,
                                 BiFunction<Cmk, Instant, R> action) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return audited(caller, Optional.of(ids.get(0)), operation, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<R> results = new ArrayList<>(ids.size());
            List<Cmk> loaded = new ArrayList<>(ids.size());
            try {
                // every key is loaded and changed first: a refusal leaves the store untouched, also the in-memory
                // store, which has no rollback; only then is each stored with its records
                for (KeyId id : ids) {
                    Cmk key = load(caller.scope(), id, now);
                    loaded.add(key);
                    results.add(action.apply(key, now));
                }
                for (Cmk key : loaded) {
                    List<KeyEvent> events = key.drainEvents();
                    if (!events.isEmpty()) {
                        keys.update(key);
                        record(caller, operation, events, key.version() + 1);
                    }
                }
                return results;
            } finally {
                loaded.forEach(Cmk::discard);
            }
        }));
    }

    /** A use of one key that changes nothing stored: describe, encrypt, decrypt. Refusals are not audited. */
    public <R> R use(Caller caller, KeyId id, BiFunction<Cmk, Instant, R> action) {
        return transactions.readOnly(() -> {
            Instant now = clock.instant();
            Cmk key = load(caller.scope(), id, now);
            try {
                return action.apply(key, now);
            } finally {
                key.discard();
            }
        });
    }

    /**
     * A use of one key that is recorded in the audit trail, though it changes nothing stored: the data-key operations.
     * One record, of {@code operation} with the detail {@code detail} gives of the result (never a secret); a refusal
     * is recorded as a refused operation.
     */
    public <R> R useAudited(Caller caller, KeyId id, KeyOperation operation, BiFunction<Cmk, Instant, R> action,
                            Function<R, String> detail) {
        return audited(caller, Optional.of(id), operation, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Cmk key = load(caller.scope(), id, now);
            try {
                R result = action.apply(key, now);
                recordUse(caller, key, operation, detail.apply(result), now);
                return result;
            } finally {
                key.discard();
            }
        }));
    }

    /** What a use of two keys does with them: the first named, the second, and the time. */
    @FunctionalInterface
    public interface PairUse<R> {
        R apply(Cmk first, Cmk second, Instant now);
    }

    /**
     * A use of two keys of the caller's scope, recorded on each (ReEncrypt: from the first to the second), in one
     * transaction; the same id twice is one key, loaded once and recorded once. A refusal is recorded on the key it
     * names, or on the first.
     */
    public <R> R useAudited(Caller caller, KeyId first, KeyId second, KeyOperation operation, PairUse<R> action,
                            Function<R, String> detailOfFirst, Function<R, String> detailOfSecond) {
        return audited(caller, Optional.of(first), operation, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Cmk one = load(caller.scope(), first, now);
            Cmk other = null;
            try {
                other = first.equals(second) ? one : load(caller.scope(), second, now);
                R result = action.apply(one, other, now);
                recordUse(caller, one, operation, detailOfFirst.apply(result), now);
                if (other != one) {
                    recordUse(caller, other, operation, detailOfSecond.apply(result), now);
                }
                return result;
            } finally {
                one.discard();
                if (other != null) {
                    other.discard();
                }
            }
        }));
    }

    /** A read over many keys. */
    public <R> R query(Function<Instant, R> query) {
        return transactions.inTransaction(() -> query.apply(clock.instant()));
    }

    /** Deletes the material of a key whose expiry has passed; false when it is gone or no longer due. */
    public boolean expire(Caller caller, KeyId id) {
        return audited(caller, Optional.of(id), KeyOperation.EXPIRE_MATERIAL, () -> transactions.inTransaction(() -> {
            Optional<Cmk> found = keys.find(caller.scope(), id);
            if (found.isEmpty()) {
                return false;
            }
            Cmk key = found.get();
            try {
                if (!key.expireMaterialIfDue(clock.instant())) {
                    return false;
                }
                keys.update(key);
                record(caller, KeyOperation.EXPIRE_MATERIAL, key.drainEvents(), key.version() + 1);
                return true;
            } finally {
                key.discard();
            }
        }));
    }

    /** Removes a key whose deletion date has passed; false when it is gone or no longer due. */
    public boolean purge(Caller caller, KeyId id) {
        return audited(caller, Optional.of(id), KeyOperation.PURGE, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Cmk> found = keys.find(caller.scope(), id);
            if (found.isEmpty()) {
                return false;
            }
            Cmk key = found.get();
            try {
                if (!key.isDueForPurge(now)) {
                    return false;
                }
                key.purge(now);
                keys.remove(key);
                record(caller, KeyOperation.PURGE, key.drainEvents(), key.version() + 1);
                return true;
            } finally {
                key.discard();
            }
        }));
    }

    private Cmk load(KeyScope scope, KeyId id, Instant now) {
        Cmk key = keys.find(scope, id).orElseThrow(() -> new KeyNotFoundException(id));
        if (key.isDueForPurge(now)) {
            throw new KeyNotFoundException(id);
        }
        return key; // every transition and viewAt apply the material expiry themselves
    }

    private void recordUse(Caller caller, Cmk key, KeyOperation operation, String detail, Instant now) {
        audit.record(AuditRecord.used(now, caller.scope(), key.id(), operation, key.state(), detail,
                caller.credentialId(), caller.requestId(), key.version()));
    }

    private void record(Caller caller, KeyOperation operation, List<KeyEvent> events, long keyVersion) {
        for (KeyEvent event : events) {
            audit.record(AuditRecord.changed(event, caller.scope(), operation, caller.credentialId(),
                    caller.requestId(), keyVersion));
        }
    }

    private <R> R audited(Caller caller, Optional<KeyId> id, KeyOperation operation,
                          Supplier<R> attempt) {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (ConcurrentKeyChangeException conflict) {
                if (attempts >= MAX_ATTEMPTS) {
                    recordRefusal(caller, id, operation, conflict);
                    throw conflict;
                }
            } catch (DomainException refusal) {
                recordRefusal(caller, id, operation, refusal);
                throw refusal;
            }
        }
    }

    private void recordRefusal(Caller caller, Optional<KeyId> id, KeyOperation operation, DomainException refusal) {
        audit.record(AuditRecord.refused(clock.instant(), caller.scope(), refusal.keyId().or(() -> id), operation,
                refusal.state(), refusal.code(), caller.credentialId(), caller.requestId()));
    }
}
