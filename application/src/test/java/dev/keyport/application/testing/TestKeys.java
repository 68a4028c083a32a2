package dev.keyport.application.testing;

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

/** Keys for repository and service tests, made through the aggregate's own transitions. */
public final class TestKeys {

    public static final SecureRandom RANDOM = new SecureRandom();
    public static final WrappingKeyPair WRAPPING_KEY = WrappingKeySpec.RSA_2048.generate(RANDOM);

    private TestKeys() {
    }

    public static byte[] material() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return material;
    }

    public static Cmk external(KeyScope scope, String alias, Instant now) {
        Cmk key = Cmk.createExternal(KeyId.from(UUID.randomUUID()), scope, Alias.of(alias), Description.of("d"),
                KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.TENCENT, now);
        key.drainEvents();
        return key;
    }

    public static Cmk generated(KeyScope scope, String alias, Instant now) {
        Cmk key = Cmk.createWithGeneratedMaterial(KeyId.from(UUID.randomUUID()), scope, Alias.of(alias),
                Description.NONE, KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.TENCENT, now, RANDOM);
        key.drainEvents();
        return key;
    }

    /** Imports {@code material} with an optional expiry (null = never), through a fresh grant. */
    public static void importInto(Cmk key, byte[] material, Instant expiry, Instant now) {
        ImportParameters parameters = key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                now, RANDOM);
        key.importMaterial(parameters.token(), WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(),
                material), expiry, LifecyclePolicy.TENCENT, now, RANDOM);
        key.drainEvents();
    }
}
