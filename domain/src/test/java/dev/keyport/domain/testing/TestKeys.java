package dev.keyport.domain.testing;

import dev.keyport.domain.Alias;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Keys for the tests of every module (the domain's test-jar), made through the aggregate's own transitions, never by
 * rehydrating invented snapshots.
 */
public final class TestKeys {

    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    public static final KeyScope SCOPE = KeyScope.of("tenant-a", "ap-guangzhou");
    public static final SecureRandom RANDOM = new SecureRandom();
    /** RSA generation is slow; one pair serves every grant of a test run. */
    public static final WrappingKeyPair WRAPPING_KEY = WrappingKeySpec.RSA_2048.generate(RANDOM);

    private TestKeys() {
    }

    public static KeyId newKeyId() {
        return KeyId.from(UUID.randomUUID());
    }

    public static byte[] randomMaterial(int length) {
        byte[] material = new byte[length];
        RANDOM.nextBytes(material);
        return material;
    }

    /** 32 random bytes. */
    public static byte[] material() {
        return randomMaterial(32);
    }

    /** An EXTERNAL key in {@link #SCOPE}, pending import, at {@link #T0}. */
    public static Cmk external() {
        return external(SCOPE, "ext-" + UUID.randomUUID(), Description.NONE, T0);
    }

    public static Cmk external(KeyScope scope, String alias, Instant now) {
        return external(scope, alias, Description.of("d"), now);
    }

    private static Cmk external(KeyScope scope, String alias, Description description, Instant now) {
        Cmk key = Cmk.createExternal(newKeyId(), scope, Alias.of(alias), description, KeyUsage.ENCRYPT_DECRYPT,
                LifecyclePolicy.TENCENT, now);
        key.drainEvents();
        return key;
    }

    /** A key with generated material in {@link #SCOPE}, Enabled, at {@link #T0}. */
    public static Cmk generated() {
        return generated(SCOPE, "gen-" + UUID.randomUUID(), T0);
    }

    public static Cmk generated(KeyScope scope, String alias, Instant now) {
        Cmk key = Cmk.createWithGeneratedMaterial(newKeyId(), scope, Alias.of(alias), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.TENCENT, now, RANDOM);
        key.drainEvents();
        return key;
    }

    /** Wraps {@code material} under fresh import parameters of {@code key} and imports it (expiry null = never). */
    public static void importInto(Cmk key, byte[] material, Instant expiry, LifecyclePolicy policy, Instant now) {
        ImportParameters parameters = key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                now, RANDOM);
        byte[] wrapped = WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(), material);
        key.importMaterial(parameters.token(), wrapped, expiry, policy, now, RANDOM);
    }

    /** As {@link #importInto(Cmk, byte[], Instant, LifecyclePolicy, Instant)} under Tencent's rules, events drained. */
    public static void importInto(Cmk key, byte[] material, Instant expiry, Instant now) {
        importInto(key, material, expiry, LifecyclePolicy.TENCENT, now);
        key.drainEvents();
    }

    /** An EXTERNAL key holding {@code material}, Enabled. */
    public static Cmk externalWith(byte[] material) {
        Cmk key = external();
        importInto(key, material, null, LifecyclePolicy.TENCENT, T0);
        key.drainEvents();
        return key;
    }
}
