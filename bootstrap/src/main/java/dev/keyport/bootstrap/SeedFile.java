package dev.keyport.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyNotFoundException;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.ReimportRule;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Keys a test suite can start from: fixed ids, aliases, origins and states, and for EXTERNAL keys, known material.
 * Each key is made through the use cases, as a client makes one (its material is really wrapped and imported), and a
 * key whose id already exists is left alone, so the same seed file serves every restart.
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

    /** How many seeds are read ahead and made at once: the file is never in memory whole. */
    static final int BATCH = 1024;
    /** Seeds made at once, each through the use cases: the store's group commit writes their commits together. */
    static final int THREADS = 8;

    /** The outcome of a seed file: how many keys were made, and how many were there already. */
    record Applied(int created, int alreadyPresent) {
    }

    /**
     * Reads the seed file as a stream, {@value #BATCH} keys at a time, and makes each batch's keys on
     * {@value #THREADS} threads ({@link #apply}); a mistake in the file or in a key stops the start, naming it.
     */
    static Applied apply(Path path, Keyport keyport) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> new Thread(runnable, "keyport-seed"));
        int created = 0;
        int seen = 0;
        try (JsonParser json = mapper.createParser(path.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notASeedFile(path, "it is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (!field.equals("keys")) {
                    throw notASeedFile(path, "unknown field '" + field + "'; a seed file has only \"keys\"");
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw notASeedFile(path, "\"keys\" is an array");
                }
                List<Key> batch = new ArrayList<>(BATCH);
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    batch.add(mapper.readValue(json, Key.class));
                    if (batch.size() == BATCH) {
                        created += apply(batch, keyport, threads);
                        seen += batch.size();
                        batch.clear();
                    }
                }
                created += apply(batch, keyport, threads);
                seen += batch.size();
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw notASeedFile(path, "it does not end after its object");
            }
        } catch (JsonProcessingException e) {
            throw notASeedFile(path, e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadSettingException("KEYPORT_SEED", "cannot read '" + path + "'");
        } finally {
            threads.shutdownNow();
        }
        return new Applied(created, seen - created);
    }

    private static BadSettingException notASeedFile(Path path, String why) {
        return new BadSettingException("KEYPORT_SEED", "'" + path + "' is not a valid seed file (" + why + ")");
    }

    /**
     * Makes one batch's keys on the threads; the first refusal stops the start once the batch is done. A key id given
     * twice in a batch is made once, first, and the repeat is then left alone as on any restart.
     */
    private static int apply(List<Key> batch, Keyport keyport, ExecutorService threads) {
        List<Future<Integer>> made = new ArrayList<>(batch.size());
        Set<String> ids = new HashSet<>();
        List<Key> repeats = new ArrayList<>();
        for (Key seed : batch) {
            if (!ids.add(String.valueOf(seed.keyId()))) {
                repeats.add(seed);
                continue;
            }
            made.add(threads.submit(() -> apply(new File(List.of(seed)), keyport)));
        }
        int created = 0;
        RuntimeException first = null;
        for (Future<Integer> one : made) {
            try {
                created += one.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while seeding", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return created + apply(new File(repeats), keyport);
    }

    /**
     * The rules seeds are made under: the wider alias syntax and deletion window of the two vendors, and material of
     * 16 or 32 bytes, so that a seed file can describe any key either API can hold.
     */
    static final LifecyclePolicy POLICY = new LifecyclePolicy("seed", ReimportRule.ONLY_WHEN_PENDING_IMPORT,
            LifecyclePolicy.HUAWEI.deletionWindow(),
            EnumSet.of(KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_IMPORT),
            Set.of(KeyMaterial.AES_128_BYTES, KeyMaterial.AES_256_BYTES), LifecyclePolicy.HUAWEI.aliasRule(),
            Description.MAX_UTF8_BYTES, EnumSet.allOf(WrappingKeySpec.class));

    /**
     * Makes every seed that does not exist yet through the use cases, as a client would: create (with the seed's
     * id), import its material, then the transitions to its state — each audited like any other change, under the
     * credential {@value #CREDENTIAL}. A seed is checked in full before anything is made of it.
     *
     * @return how many keys were created (those that already existed are not counted)
     */
    static int apply(File file, Keyport keyport) {
        int created = 0;
        for (Key seed : file.keys() == null ? List.<Key>of() : file.keys()) {
            try {
                if (seedOne(checked(seed), keyport)) {
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

    /** A seed whose every field was checked, so that making it cannot stop half-way. */
    private record Checked(Caller caller, KeyId id, Alias alias, Description description, Origin origin,
                           byte[] material, String state, int pendingDays) {
    }

    private static Checked checked(Key seed) {
        KeyScope scope = KeyScope.of(seed.tenant(), seed.region());
        KeyId id = KeyId.of(seed.keyId());
        Origin origin = switch (seed.origin() == null ? "EXTERNAL" : seed.origin()) {
            case "EXTERNAL" -> Origin.EXTERNAL;
            case "KEYPORT" -> Origin.KEYPORT;
            default -> throw new BadSettingException("KEYPORT_SEED", "origin of " + id + " is EXTERNAL or KEYPORT");
        };
        byte[] material = null;
        if (seed.material() != null) {
            if (origin != Origin.EXTERNAL) {
                throw new BadSettingException("KEYPORT_SEED", "key " + id + " has KEYPORT origin: its material is "
                        + "generated, not given");
            }
            material = Base64.getDecoder().decode(seed.material());
            if (!POLICY.materialLengths().contains(material.length)) {
                throw new BadSettingException("KEYPORT_SEED", "the material of " + id + " is " + material.length
                        + " bytes; it is 16 or 32");
            }
        }
        String state = seed.state() == null ? "" : seed.state();
        if (!List.of("", "Enabled", "Disabled", "PendingImport", "PendingDelete").contains(state)) {
            throw new BadSettingException("KEYPORT_SEED", "state of " + id
                    + " is Enabled, Disabled, PendingImport or PendingDelete");
        }
        if (!state.isEmpty() && !state.equals("PendingImport") && !state.equals("PendingDelete")
                && origin == Origin.EXTERNAL && material == null) {
            throw new BadSettingException("KEYPORT_SEED", "key " + id + " is EXTERNAL without material: it can only "
                    + "be PendingImport or PendingDelete");
        }
        int pendingDays = seed.pendingDays() == null ? 30 : seed.pendingDays();
        if (state.equals("PendingDelete") && !POLICY.deletionWindow().contains(pendingDays)) {
            throw new BadSettingException("KEYPORT_SEED", "pendingDays of " + id + " is " + pendingDays + "; it is "
                    + POLICY.deletionWindow().minDays() + " to " + POLICY.deletionWindow().maxDays());
        }
        return new Checked(new Caller(scope, CREDENTIAL, "seed-" + id, POLICY), id, Alias.of(seed.alias()),
                Description.of(seed.description()), origin, material, state, pendingDays);
    }

    private static boolean seedOne(Checked seed, Keyport keyport) {
        Caller caller = seed.caller();
        try {
            keyport.describeKey(new DescribeKeyCommand(caller, seed.id()));
            return false; // a key whose id exists is left as it is
        } catch (KeyNotFoundException absent) {
            // made below
        }
        keyport.createKey(new CreateKeyCommand(caller, seed.alias(), seed.description(), KeyUsage.ENCRYPT_DECRYPT,
                seed.origin(), Optional.of(seed.id())));
        boolean hasMaterial = seed.origin() == Origin.KEYPORT;
        if (seed.material() != null) {
            try {
                ImportParameters parameters = keyport.getParametersForImport(new GetParametersForImportCommand(
                        caller, seed.id(), WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
                PublicKey wrappingKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(parameters.publicKeyDer()));
                keyport.importKeyMaterial(new ImportKeyMaterialCommand(caller, seed.id(), parameters.token(),
                        WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(wrappingKey, seed.material()), Optional.empty()));
                hasMaterial = true;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is required of every JDK", e);
            } finally {
                Arrays.fill(seed.material(), (byte) 0);
            }
        }
        switch (seed.state()) {
            case "Disabled" -> keyport.disableKey(new DisableKeyCommand(caller, seed.id()));
            case "PendingImport" -> {
                if (hasMaterial) {
                    keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(caller, seed.id()));
                }
            }
            case "PendingDelete" -> {
                if (hasMaterial) {
                    keyport.disableKey(new DisableKeyCommand(caller, seed.id()));
                }
                keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(caller, seed.id(), seed.pendingDays()));
            }
            default -> { } // Enabled, or as created
        }
        return true;
    }
}
