package dev.keyport.application.service;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.SeedKeysCommand;
import dev.keyport.application.port.in.SeedKeysResult;
import dev.keyport.application.port.in.SeedKeysUseCase;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.InvalidValueException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeySeed;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A seed file's batch in one transaction: one look-up for which of its ids are stored, every other key made by
 * {@link Cmk#seed} at the transaction's time, and all of them stored in one batch, each with its one SEEDED record
 * under the command's credential and the request id {@code seed-<key id>}. An id stored already, or given earlier in
 * the batch, in another scope than this seed's is refused rather than left alone: the file and the store disagree
 * about that key.
 */
public final class SeedKeysService implements SeedKeysUseCase {

    static final String REQUEST_ID_PREFIX = "seed-";

    private final KeyUnitOfWork unitOfWork;
    private final KeyRepository keys;
    private final SecureRandom random;

    public SeedKeysService(KeyUnitOfWork unitOfWork, KeyRepository keys, SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SeedKeysResult seedKeys(SeedKeysCommand c) {
        Map<KeyId, KeySeed> first = new LinkedHashMap<>();
        for (KeySeed seed : c.keys()) {
            first.putIfAbsent(seed.id(), seed);
        }
        Map<KeyId, Caller> callers = new HashMap<>();
        first.forEach((id, seed) -> callers.put(id, new Caller(seed.scope(), c.credentialId(),
                REQUEST_ID_PREFIX + id, c.policy())));
        return unitOfWork.createAll(callers::get, KeyOperation.SEED, now -> {
            Map<KeyId, KeyScope> stored = new HashMap<>();
            for (KeyRef ref : keys.findStored(first.keySet())) {
                stored.put(ref.id(), ref.scope());
            }
            List<Cmk> made = new ArrayList<>(first.size() - stored.size());
            try {
                for (KeySeed seed : c.keys()) {
                    KeyScope taken = stored.get(seed.id());
                    if (taken == null) {
                        made.add(Cmk.seed(seed, c.policy(), now, random));
                        stored.put(seed.id(), seed.scope());
                    } else if (!taken.equals(seed.scope())) {
                        throw new InvalidValueException(DomainErrorCode.INVALID_KEY_ID, "key id",
                                "is taken by a key of another tenant or region", seed.id(), null);
                    }
                }
            } catch (RuntimeException e) {
                made.forEach(Cmk::discard);
                throw e;
            }
            return new KeyUnitOfWork.NewKeys<>(made, new SeedKeysResult(made.size(), c.keys().size() - made.size()));
        });
    }
}
