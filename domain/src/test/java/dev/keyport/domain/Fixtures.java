package dev.keyport.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Keys in every state, made through the aggregate's own transitions, never by rehydrating invented snapshots. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final KeyScope SCOPE = KeyScope.of("tenant-a", "ap-guangzhou");
    static final SecureRandom RANDOM = new SecureRandom();
    /** RSA generation is slow; one pair serves every grant of a test run. */
    static final WrappingKeyPair WRAPPING_KEY = WrappingKeySpec.RSA_2048.generate(RANDOM);

    private Fixtures() {
    }

    static KeyId newKeyId() {
        return KeyId.from(UUID.randomUUID());
    }

    static byte[] randomMaterial(int length) {
        byte[] material = new byte[length];
        RANDOM.nextBytes(material);
        return material;
    }

    static Cmk external() {
        Cmk key = Cmk.createExternal(newKeyId(), SCOPE, Alias.of("ext-" + UUID.randomUUID()), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.TENCENT, T0);
        key.drainEvents();
        return key;
    }

    static Cmk generated() {
        Cmk key = Cmk.createWithGeneratedMaterial(newKeyId(), SCOPE, Alias.of("gen-" + UUID.randomUUID()),
                Description.NONE, KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.TENCENT, T0, RANDOM);
        key.drainEvents();
        return key;
    }

    /** Wraps {@code material} under fresh import parameters of {@code key} and imports it. */
    static void importInto(Cmk key, byte[] material, Instant expiry, LifecyclePolicy policy, Instant now) {
        ImportParameters parameters = key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                now, RANDOM);
        byte[] wrapped = WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(), material);
        key.importMaterial(parameters.token(), wrapped, expiry, policy, now, RANDOM);
    }

    /** A key made for a test, with the material it holds (null when it never had imported material). */
    record Made(Cmk key, byte[] material) {
    }

    /** An EXTERNAL key holding {@code material}, Enabled. */
    static Cmk externalWith(byte[] material) {
        Cmk key = external();
        importInto(key, material, null, LifecyclePolicy.TENCENT, T0);
        key.drainEvents();
        return key;
    }

    enum Subject {
        EXTERNAL_PENDING_IMPORT(Origin.EXTERNAL, KeyState.PENDING_IMPORT),
        EXTERNAL_ENABLED(Origin.EXTERNAL, KeyState.ENABLED),
        EXTERNAL_DISABLED(Origin.EXTERNAL, KeyState.DISABLED),
        EXTERNAL_PENDING_DELETE_WITH_MATERIAL(Origin.EXTERNAL, KeyState.PENDING_DELETE),
        EXTERNAL_PENDING_DELETE_WITHOUT_MATERIAL(Origin.EXTERNAL, KeyState.PENDING_DELETE),
        GENERATED_ENABLED(Origin.KEYPORT, KeyState.ENABLED),
        GENERATED_DISABLED(Origin.KEYPORT, KeyState.DISABLED),
        GENERATED_PENDING_DELETE(Origin.KEYPORT, KeyState.PENDING_DELETE);

        final Origin origin;
        final KeyState state;

        Subject(Origin origin, KeyState state) {
            this.origin = origin;
            this.state = state;
        }

        Made make() {
            byte[] material = origin == Origin.EXTERNAL && this != EXTERNAL_PENDING_IMPORT
                    && this != EXTERNAL_PENDING_DELETE_WITHOUT_MATERIAL ? randomMaterial(32) : null;
            Cmk key = switch (this) {
                case EXTERNAL_PENDING_IMPORT -> external();
                case EXTERNAL_ENABLED -> externalWith(material);
                case EXTERNAL_DISABLED -> {
                    Cmk k = externalWith(material);
                    k.disable(T0);
                    yield k;
                }
                case EXTERNAL_PENDING_DELETE_WITH_MATERIAL -> {
                    Cmk k = externalWith(material);
                    k.disable(T0);
                    k.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
                    yield k;
                }
                case EXTERNAL_PENDING_DELETE_WITHOUT_MATERIAL -> {
                    Cmk k = external();
                    k.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
                    yield k;
                }
                case GENERATED_ENABLED -> generated();
                case GENERATED_DISABLED -> {
                    Cmk k = generated();
                    k.disable(T0);
                    yield k;
                }
                case GENERATED_PENDING_DELETE -> {
                    Cmk k = generated();
                    k.disable(T0);
                    k.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
                    yield k;
                }
            };
            key.drainEvents();
            if (key.state() != state || key.origin() != origin) {
                throw new IllegalStateException("fixture " + this + " made " + key);
            }
            return new Made(key, material);
        }
    }
}
