package dev.keyport.adapter.tencent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashes and MACs of Tencent's two signature versions. */
final class Signatures {

    private Signatures() {
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] data) {
        return Primitives.sha256().digest(data);
    }

    static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Primitives.mac(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }

    /**
     * Fresh digests and MACs cloned from unkeyed prototypes: a clone skips the provider search of
     * {@code getInstance}, which costs more than the hash of a request. A prototype holds no key, a clone is keyed
     * only for the one computation it is made for.
     */
    private static final class Primitives {

        private static final MessageDigest SHA_256 = digest("SHA-256");
        private static final Mac HMAC_SHA256 = prototype("HmacSHA256");
        private static final Mac HMAC_SHA1 = prototype("HmacSHA1");

        static MessageDigest sha256() {
            try {
                return (MessageDigest) SHA_256.clone();
            } catch (CloneNotSupportedException e) {
                return digest("SHA-256");
            }
        }

        static Mac mac(String algorithm) throws GeneralSecurityException {
            Mac prototype = switch (algorithm) {
                case "HmacSHA256" -> HMAC_SHA256;
                case "HmacSHA1" -> HMAC_SHA1;
                default -> null;
            };
            if (prototype == null) {
                return Mac.getInstance(algorithm);
            }
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                return Mac.getInstance(algorithm);
            }
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is required of every JDK", e);
            }
        }

        /** Bound to its provider at once, so that it can be cloned before it is keyed. */
        private static Mac prototype(String algorithm) {
            try {
                return Mac.getInstance(algorithm, Mac.getInstance(algorithm).getProvider());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is required of every JDK", e);
            }
        }
    }

    /** TC3-HMAC-SHA256: the signing key derived from the secret, the date and the service. */
    static String tc3(String secretKey, String date, String service, String stringToSign) {
        byte[] secretDate = hmac("HmacSHA256", ("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = hmac("HmacSHA256", secretDate, service);
        byte[] secretSigning = hmac("HmacSHA256", secretService, "tc3_request");
        return HexFormat.of().formatHex(hmac("HmacSHA256", secretSigning, stringToSign));
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
