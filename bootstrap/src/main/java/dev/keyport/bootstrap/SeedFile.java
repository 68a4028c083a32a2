package dev.keyport.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.port.out.AuditSink;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.TransactionBoundary;
import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyEvent;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keys a test suite can start from: fixed ids, aliases, origins and states, and for EXTERNAL keys, known material.
 * Each key is made through the domain's own transitions (its material is really wrapped and imported), and a key
 * whose id already exists is left alone, so the same seed file serves every restart.
 */
final class SeedFile {

    static final String CREDENTIAL = "keyport-seed";

    record File(List<Key> keys) {
    }

    /**
     * @param state       Enabled, Disabled, PendingImport or PendingDelete
     * @param material    base64 of 32 (or 16) bytes, EXTERNAL keys only
     * @param pendingDays for PendingDelete: days until deletion (7–1096; 30 when absent)
     */
    record Key(String tenant, String region, String keyId, String alias, String description, String origin,
               String state, String material, Integer pendingDays) {
    }

    private SeedFile() {
    }

    static File read(Path path) {
        try {
            return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(path.toFile(), File.class);
        } catch (JsonProcessingException e) {
            throw new BadSettingException("KEYPORT_SEED", "'" + path + "' is not a valid seed file ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadSettingException("KEYPORT_SEED", "cannot read '" + path + "'");
        }
    }

    /** @return how many keys were created (those that already existed are not counted) */
    static int apply(File file, KeyRepository keys, AuditSink audit, TransactionBoundary transactions,
                     WrappingKeySource wrappingKeys, Clock clock, SecureRandom random) {
        int created = 0;
        for (Key seed : file.keys() == null ? List.<Key>of() : file.keys()) {
            try {
                if (transactions.inTransaction(() -> seedOne(seed, keys, audit, wrappingKeys, clock, random))) {
                    created++;
                }
            } catch (BadSettingException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new BadSettingException("KEYPORT_SEED", "key " + seed.keyId() + " cannot be seeded: "
                        + e.getMessage());
            }
        }
        return created;
    }

    private static boolean seedOne(Key seed, KeyRepository keys, AuditSink audit, WrappingKeySource wrappingKeys,
                                   Clock clock, SecureRandom random) {
        KeyScope scope = KeyScope.of(seed.tenant(), seed.region());
        KeyId id = KeyId.of(seed.keyId());
        if (keys.find(scope, id).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        boolean external = switch (seed.origin() == null ? "EXTERNAL" : seed.origin()) {
            case "EXTERNAL" -> true;
            case "KEYPORT" -> false;
            default -> throw new BadSettingException("KEYPORT_SEED", "origin of " + id + " is EXTERNAL or KEYPORT");
        };
        Alias alias = Alias.of(seed.alias());
        Description description = Description.of(seed.description());
        // Huawei's alias rule is the wider of the two; either vendor's API can then see the key
        Cmk key = external
                ? Cmk.createExternal(id, scope, alias, description, KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.HUAWEI,
                now)
                : Cmk.createWithGeneratedMaterial(id, scope, alias, description, KeyUsage.ENCRYPT_DECRYPT,
                LifecyclePolicy.HUAWEI, now, random);
        if (seed.material() != null) {
            if (!external) {
                throw new BadSettingException("KEYPORT_SEED", "key " + id + " has KEYPORT origin: its material is "
                        + "generated, not given");
            }
            byte[] material = Base64.getDecoder().decode(seed.material());
            try {
                WrappingKeyPair pair = wrappingKeys.take(WrappingKeySpec.RSA_2048);
                ImportParameters parameters = key.issueImportParameters(pair, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                        now, random);
                key.importMaterial(parameters.token(), WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(pair.publicKey(),
                        material), null, LifecyclePolicy.TENCENT, now, random);
            } finally {
                Arrays.fill(material, (byte) 0);
            }
        }
        String state = seed.state() == null ? "" : seed.state();
        switch (state) {
            case "", "Enabled" -> { }
            case "Disabled" -> key.disable(now);
            case "PendingImport" -> {
                if (key.hasMaterial()) {
                    key.deleteImportedKeyMaterial(now);
                }
            }
            case "PendingDelete" -> {
                if (key.hasMaterial()) {
                    key.disable(now);
                }
                key.scheduleDeletion(seed.pendingDays() == null ? 30 : seed.pendingDays(), LifecyclePolicy.HUAWEI,
                        now);
            }
            default -> throw new BadSettingException("KEYPORT_SEED", "state of " + id
                    + " is Enabled, Disabled, PendingImport or PendingDelete");
        }
        if (!state.isEmpty() && !state.equals("PendingImport") && !state.equals("PendingDelete")
                && external && !key.hasMaterial()) {
            throw new BadSettingException("KEYPORT_SEED", "key " + id + " is EXTERNAL without material: it can only "
                    + "be PendingImport or PendingDelete");
        }
        keys.add(key);
        for (KeyEvent event : key.drainEvents()) {
            audit.record(AuditRecord.changed(event, scope, KeyOperation.CREATE, CREDENTIAL, "seed", 1));
        }
        return true;
    }
}
