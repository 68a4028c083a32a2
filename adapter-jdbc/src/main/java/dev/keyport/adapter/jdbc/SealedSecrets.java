package dev.keyport.adapter.jdbc;

import dev.keyport.domain.ImportGrant;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.SecretAccess;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one place where the repository seals and opens secrets, each under the master key with its column and owner as
 * associated data. A load hands the domain the sealed values with an opener ({@link KeyMaterial#sealed},
 * {@link WrappingKeyPair#sealed}): nothing is opened until the aggregate needs it — material to encrypt or decrypt,
 * one grant's private key to import — and nothing opened is kept here.
 */
final class SealedSecrets {

    static final String MATERIAL_COLUMN = "cmk_material.sealed";
    static final String PRIVATE_KEY_COLUMN = "import_grant.sealed_private_key";

    private final Sealer sealer;

    SealedSecrets(Sealer sealer) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    /** The owner a grant's private key is sealed to; {@link MasterKeyRotation} spells it in SQL. */
    static String privateKeyOwner(String keyId, String grantId) {
        return keyId + "/" + grantId;
    }

    KeyMaterial material(String keyId, byte[] sealed) {
        return KeyMaterial.sealed(() -> sealer.open(sealed, MATERIAL_COLUMN, keyId));
    }

    WrappingKeyPair wrappingKey(String keyId, String grantId, WrappingKeySpec spec, byte[] publicKeyDer,
                                byte[] sealedPrivateKey) {
        return WrappingKeyPair.sealed(spec, publicKeyDer,
                () -> sealer.open(sealedPrivateKey, PRIVATE_KEY_COLUMN, privateKeyOwner(keyId, grantId)));
    }

    byte[] sealMaterial(String keyId, KeyMaterial material) {
        byte[] bytes = material.copyBytes(SecretAccess.get());
        try {
            return sealer.seal(bytes, MATERIAL_COLUMN, keyId);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    byte[] sealPrivateKey(String keyId, ImportGrant grant) {
        byte[] pkcs8 = grant.wrappingKey().privateKeyPkcs8(SecretAccess.get());
        try {
            return sealer.seal(pkcs8, PRIVATE_KEY_COLUMN, privateKeyOwner(keyId, grant.grantId()));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
