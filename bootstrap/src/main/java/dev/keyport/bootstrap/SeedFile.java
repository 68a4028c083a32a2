package dev.keyport.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyport.application.port.in.SeedKeysCommand;
import dev.keyport.application.port.in.SeedKeysResult;
import dev.keyport.application.port.in.SeedKeysUseCase;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeySeed;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.ReimportRule;
import dev.keyport.domain.WrappingKeySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Keys a test suite can start from: fixed ids, aliases, origins and states, and for EXTERNAL keys, known material.
 * The file is read as a stream, {@value #BATCH} keys at a time, and each batch is made by the {@link SeedKeysUseCase}
 * in one transaction: every key built by the domain in its final state ({@code Cmk.seed}; EXTERNAL material is taken
 * as given, in clear, without the wrapping an API client needs), written in JDBC batches with one audit record each.
 * A key whose id already exists is left alone, so the same seed file serves every restart.
 */
final class SeedFile {

    static final String CREDENTIAL = "keyport-seed";

    /**
     * @param state       Enabled, Disabled, PendingImport or PendingDelete; when absent, Enabled for a key with
     *                    material (its own or given), else PendingImport
     * @param material    base64 of 32 (or 16) bytes, EXTERNAL keys only
     * @param pendingDays for PendingDelete: days until deletion (7–1096; 30 when absent)
     */
    record Key(String tenant, String region, String keyId, String alias, String description, String origin,
               String state, String material, Integer pendingDays) {
    }

    private SeedFile() {
    }

    /** How many seeds are read ahead and made at once, in one transaction: the file is never in memory whole. */
    static final int BATCH = 1024;

    /** The outcome of a seed file: how many keys were made, and how many were there already. */
    record Applied(int created, int alreadyPresent) {

        Applied plus(Applied other) {
            return new Applied(created + other.created, alreadyPresent + other.alreadyPresent);
        }
    }

    /**
     * Reads the seed file as a stream, {@value #BATCH} keys at a time, and makes each batch in one transaction; a
     * mistake in the file or in a key stops the start, naming it, and nothing of that key's batch is made (the
     * batches before it are). A thread of its own reads and checks the next batch while this one makes the last: at
     * most {@value #READ_AHEAD} batches are read ahead.
     */
    static Applied apply(Path path, SeedKeysUseCase seeding) {
        BlockingQueue<Read> reads = new ArrayBlockingQueue<>(READ_AHEAD);
        Thread reader = new Thread(() -> read(path, reads), "keyport-seed-reader");
        reader.setDaemon(true);
        reader.start();
        Applied applied = new Applied(0, 0);
        try {
            for (Read next = take(reads); !next.isEnd(); next = take(reads)) {
                applied = applied.plus(make(next.seeds(), seeding));
            }
            return applied;
        } finally {
            reader.interrupt();
            joinQuietly(reader);
            reads.forEach(unmade -> unmade.seeds().forEach(KeySeed::erase));
        }
    }

    /** Batches read ahead of the one being made. */
    static final int READ_AHEAD = 1;

    /** A batch read, the end of the file, or why the file could not be read: the reader's answers, in order. */
    private record Read(List<KeySeed> seeds, RuntimeException failure) {

        static final Read END = new Read(List.of(), null);

        boolean isEnd() {
            return this == END;
        }
    }

    private static Read take(BlockingQueue<Read> reads) {
        try {
            Read next = reads.take();
            if (next.failure() != null) {
                throw next.failure();
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }

    private static void joinQuietly(Thread reader) {
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reader's side: each batch read and checked, then the end, or the first reason to stop. */
    private static void read(Path path, BlockingQueue<Read> reads) {
        try {
            try {
                readBatches(path, seeds -> put(reads, new Read(seeds, null)));
                put(reads, Read.END);
            } catch (Stopped stopped) {
                throw stopped;
            } catch (RuntimeException e) {
                put(reads, new Read(List.of(), e));
            }
        } catch (Stopped stopped) {
            // the start stopped before this was taken
        }
    }

    /** The start stopped while the reader waited to hand on a batch. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Read> reads, Read read) {
        try {
            reads.put(read);
        } catch (InterruptedException e) {
            read.seeds().forEach(KeySeed::erase);
            throw new Stopped();
        }
    }

    /** Reads the file as a stream and hands on its seeds, {@value #BATCH} at a time, each checked in full. */
    private static void readBatches(Path path, Consumer<List<KeySeed>> batches) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
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
                List<KeySeed> batch = new ArrayList<>(BATCH);
                try {
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        batch.add(seed(mapper.readValue(json, Key.class)));
                        if (batch.size() == BATCH) {
                            List<KeySeed> full = batch;
                            batch = new ArrayList<>(BATCH);
                            batches.accept(full);
                        }
                    }
                } catch (RuntimeException | IOException e) {
                    batch.forEach(KeySeed::erase);
                    throw e;
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw notASeedFile(path, "it does not end after its object");
            }
        } catch (JsonProcessingException e) {
            throw notASeedFile(path, e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadSettingException("KEYPORT_SEED", "cannot read '" + path + "'");
        }
    }

    private static BadSettingException notASeedFile(Path path, String why) {
        return new BadSettingException("KEYPORT_SEED", "'" + path + "' is not a valid seed file (" + why + ")");
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
     * Makes one batch of seeds in one transaction, under the credential {@value #CREDENTIAL}: every seed is read in
     * full first, then the domain makes those whose id does not exist yet; a refusal of any of them stops the start,
     * naming the key, and makes nothing of the batch. The seeds' material is erased once the batch is done, whatever
     * its outcome.
     */
    static Applied apply(List<Key> batch, SeedKeysUseCase seeding) {
        List<KeySeed> seeds = new ArrayList<>(batch.size());
        try {
            for (Key key : batch) {
                seeds.add(seed(key));
            }
        } catch (RuntimeException e) {
            seeds.forEach(KeySeed::erase);
            throw e;
        }
        return make(seeds, seeding);
    }

    /** Makes seeds read in full, in one transaction, and erases their material whatever the outcome. */
    private static Applied make(List<KeySeed> seeds, SeedKeysUseCase seeding) {
        if (seeds.isEmpty()) {
            return new Applied(0, 0);
        }
        try {
            SeedKeysResult result = seeding.seedKeys(new SeedKeysCommand(CREDENTIAL, POLICY, seeds));
            return new Applied(result.created(), result.alreadyPresent());
        } catch (DomainException e) {
            String named = e.keyId().map(id -> "key " + id).orElseGet(() -> "the batch of keys from "
                    + seeds.get(0).id() + " to " + seeds.get(seeds.size() - 1).id());
            throw new BadSettingException("KEYPORT_SEED", named + " cannot be seeded: " + e.getMessage());
        } finally {
            seeds.forEach(KeySeed::erase);
        }
    }

    /**
     * A seed read as the domain takes it; what cannot be read stops the start, naming its key. The material is read
     * last, so that nothing can fail once it is decoded.
     */
    private static KeySeed seed(Key key) {
        try {
            KeyId id = KeyId.of(key.keyId());
            KeyScope scope = KeyScope.of(key.tenant(), key.region());
            Alias alias = Alias.of(key.alias());
            Description description = Description.of(key.description());
            Origin origin = switch (key.origin() == null ? "EXTERNAL" : key.origin()) {
                case "EXTERNAL" -> Origin.EXTERNAL;
                case "KEYPORT" -> Origin.KEYPORT;
                default -> throw new BadSettingException("KEYPORT_SEED", "origin of " + id + " is EXTERNAL or KEYPORT");
            };
            KeyState state = switch (key.state() == null ? "" : key.state()) {
                case "" -> origin == Origin.KEYPORT || key.material() != null ? KeyState.ENABLED
                        : KeyState.PENDING_IMPORT;
                case "Enabled" -> KeyState.ENABLED;
                case "Disabled" -> KeyState.DISABLED;
                case "PendingImport" -> KeyState.PENDING_IMPORT;
                case "PendingDelete" -> KeyState.PENDING_DELETE;
                default -> throw new BadSettingException("KEYPORT_SEED", "state of " + id
                        + " is Enabled, Disabled, PendingImport or PendingDelete");
            };
            int pendingDays = key.pendingDays() == null ? 30 : key.pendingDays();
            Optional<KeyMaterial> material = Optional.empty();
            if (key.material() != null) {
                byte[] bytes = Base64.getDecoder().decode(key.material());
                try {
                    if (!POLICY.materialLengths().contains(bytes.length)) {
                        throw new BadSettingException("KEYPORT_SEED", "the material of " + id + " is " + bytes.length
                                + " bytes; it is 16 or 32");
                    }
                    material = Optional.of(KeyMaterial.of(bytes));
                } finally {
                    Arrays.fill(bytes, (byte) 0);
                }
            }
            return new KeySeed(id, scope, alias, description, KeyUsage.ENCRYPT_DECRYPT, origin, material, state,
                    pendingDays);
        } catch (BadSettingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadSettingException("KEYPORT_SEED", "key " + key.keyId() + " cannot be seeded: "
                    + e.getMessage());
        }
    }
}
