package dev.keyport.domain;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * How imported material is wrapped under the issued RSA public key. OAEP uses MGF1 on the same hash as the digest,
 * as both vendors' own tools wrap; for {@link #RSAES_OAEP_SHA_256} an unwrap also accepts MGF1-SHA1, which is what
 * the JDK's {@code OAEPWithSHA-256AndMGF1Padding} produces by default — a padding check tells the two apart.
 */
public enum WrappingAlgorithm {
    RSAES_PKCS1_V1_5("RSA/ECB/PKCS1Padding", List.of()),
    RSAES_OAEP_SHA_1("RSA/ECB/OAEPPadding",
            List.of(new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT))),
    RSAES_OAEP_SHA_256("RSA/ECB/OAEPPadding",
            List.of(new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT),
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)));

    private final String transformation;
    /** The first is the canonical one, used to wrap; the others are tried in order when unwrapping. */
    private final List<AlgorithmParameterSpec> parameters;

    WrappingAlgorithm(String transformation, List<AlgorithmParameterSpec> parameters) {
        this.transformation = transformation;
        this.parameters = parameters;
    }

    /** Wraps {@code plaintext} the way a vendor's client does; used by tests and by client-side tooling. */
    public byte[] wrap(PublicKey publicKey, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            if (parameters.isEmpty()) {
                cipher.init(Cipher.ENCRYPT_MODE, publicKey);
            } else {
                cipher.init(Cipher.ENCRYPT_MODE, publicKey, parameters.get(0));
            }
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot wrap with " + this + ": " + e.getMessage(), e);
        }
    }

    /** Unwraps, or returns empty when the wrapped bytes do not decrypt under this key and algorithm. */
    Optional<byte[]> unwrap(PrivateKey privateKey, byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            if (parameters.isEmpty()) {
                cipher.init(Cipher.DECRYPT_MODE, privateKey);
                return Optional.of(cipher.doFinal(wrapped));
            }
            for (AlgorithmParameterSpec spec : parameters) {
                cipher.init(Cipher.DECRYPT_MODE, privateKey, spec);
                try {
                    return Optional.of(cipher.doFinal(wrapped));
                } catch (BadPaddingException | IllegalBlockSizeException e) {
                    // not wrapped with these parameters: try the next accepted ones
                }
            }
            return Optional.empty();
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw Crypto.unavailable(transformation, e);
        }
    }

    public static Optional<WrappingAlgorithm> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
}
