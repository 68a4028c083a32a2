package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static dev.keyport.domain.testing.TestKeys.WRAPPING_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key rebuilt from a store that keeps its secrets sealed opens a secret only when an operation needs it: the material
 * to encrypt or decrypt, one grant's private key to import under that grant's token. Every opener here records what
 * it opened.
 */
class SecretsOnDemandTest {

    private final List<String> opened = new ArrayList<>();

    @Test
    void describingAndChangingTheStateOfAKeyOpensNoSecret() {
        Cmk key = resealed(withGrants(TestKeys.externalWith(TestKeys.randomMaterial(32)), 3));
        CloudResource resource = new CloudResource("ssm", "s-1");

        key.viewAt(T0);
        key.disable(T0);
        key.enable(T0);
        key.bind(resource, T0);
        key.unbind(resource, T0);
        key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_1, T0, RANDOM);
        key.disable(T0);
        key.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        key.cancelDeletion(T0);
        key.enable(T0);
        key.deleteImportedKeyMaterial(T0);

        assertThat(opened).isEmpty();
        assertThat(key.state()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void encryptingOpensTheMaterialOnceAndNoPrivateKey() {
        Cmk key = resealed(withGrants(TestKeys.externalWith(TestKeys.randomMaterial(32)), 2));

        byte[] ciphertext = key.encrypt("p".getBytes(), new byte[0], T0, RANDOM);
        assertThat(key.decrypt(ciphertext, new byte[0], T0)).isEqualTo("p".getBytes());
        key.encrypt("q".getBytes(), new byte[0], T0, RANDOM);

        assertThat(opened).containsExactly("material");
    }

    @Test
    void anImportOpensOnlyThePrivateKeyOfItsTokensGrant() {
        Cmk original = TestKeys.external();
        List<ImportParameters> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(original.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, T0,
                    RANDOM));
        }
        String second = original.grants().get(1).grantId();
        Cmk key = resealed(original);
        byte[] material = TestKeys.randomMaterial(32);

        key.importMaterial(issued.get(1).token(), WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(),
                material), null, LifecyclePolicy.TENCENT, T0, RANDOM);

        assertThat(opened).containsExactly("grant " + second);
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
        assertThat(key.material().orElseThrow().copyBytes(SecretAccess.get())).isEqualTo(material);
    }

    @Test
    void aSnapshotOpensEverySecretAndEqualsTheKeyItWasSealedFrom() {
        Cmk original = withGrants(TestKeys.externalWith(TestKeys.randomMaterial(16)), 2);
        Cmk key = resealed(original);

        assertThat(key.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
        List<String> everySecret = new ArrayList<>(List.of("material"));
        original.grants().forEach(grant -> everySecret.add("grant " + grant.grantId()));
        assertThat(original.grants()).as("the import's grant and two more").hasSize(3);
        assertThat(opened).containsExactlyInAnyOrderElementsOf(everySecret);
    }

    @Test
    void sealedMaterialIsCopiedAndErasedUnopenedAndCheckedWhenOpened() {
        KeyMaterial sealed = KeyMaterial.sealed(() -> {
            opened.add("material");
            return new byte[24];
        });
        KeyMaterial copy = sealed.copy();
        assertThat(sealed.toString()).isEqualTo("KeyMaterial[redacted, sealed]");
        sealed.erase();
        assertThat(opened).isEmpty();

        assertThatThrownBy(() -> copy.copyBytes(SecretAccess.get())).isInstanceOf(InvalidValueException.class);
        assertThat(opened).containsExactly("material");
    }

    @Test
    void aSealedPrivateKeyIsComparedUnopenedAndMustMatchItsPublicKeyWhenOpened() {
        WrappingKeyPair other = WrappingKeySpec.RSA_2048.generate(RANDOM);
        WrappingKeyPair mismatched = WrappingKeyPair.sealed(WrappingKeySpec.RSA_2048, WRAPPING_KEY.publicKeyDer(),
                opener("mismatched", other.privateKeyPkcs8(SecretAccess.get())));
        WrappingKeyPair genuine = WrappingKeyPair.sealed(WrappingKeySpec.RSA_2048, WRAPPING_KEY.publicKeyDer(),
                opener("genuine", WRAPPING_KEY.privateKeyPkcs8(SecretAccess.get())));

        assertThat(genuine).isEqualTo(WRAPPING_KEY).isEqualTo(mismatched).isNotEqualTo(other);
        assertThat(genuine.toString()).isEqualTo(WRAPPING_KEY.toString());
        assertThat(opened).isEmpty();

        assertThatThrownBy(() -> mismatched.privateKeyPkcs8(SecretAccess.get()))
                .isInstanceOf(InvalidValueException.class);
        assertThat(genuine.privateKeyPkcs8(SecretAccess.get()))
                .isEqualTo(WRAPPING_KEY.privateKeyPkcs8(SecretAccess.get()));
        assertThat(opened).containsExactly("mismatched", "genuine");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static Cmk withGrants(Cmk key, int grants) {
        for (int i = 0; i < grants; i++) {
            key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, T0, RANDOM);
        }
        key.drainEvents();
        return key;
    }

    /** The key as a sealing store would hand it back: the same fields, each secret behind a recording opener. */
    private Cmk resealed(Cmk key) {
        CmkSnapshot s = key.snapshot();
        KeyMaterial material = s.material() == null ? null
                : KeyMaterial.sealed(opener("material", s.material().copyBytes(SecretAccess.get())));
        List<ImportGrant> grants = s.grants().stream().map(grant -> new ImportGrant(grant.grantId(),
                WrappingKeyPair.sealed(grant.wrappingKey().spec(), grant.wrappingKey().publicKeyDer(),
                        opener("grant " + grant.grantId(), grant.wrappingKey().privateKeyPkcs8(SecretAccess.get()))),
                grant.algorithm(), grant.issuedAt(), grant.expiresAt(), grant.tokenDigest())).toList();
        return Cmk.rehydrate(new CmkSnapshot(s.id(), s.scope(), s.alias(), s.description(), s.usage(), s.origin(),
                s.createdAt(), s.state(), material, s.fingerprint(), s.materialExpiresAt(), s.deletionDate(),
                s.bindings(), grants, s.version()));
    }

    private SecretOpener opener(String name, byte[] secret) {
        return () -> {
            opened.add(name);
            return secret.clone();
        };
    }
}
