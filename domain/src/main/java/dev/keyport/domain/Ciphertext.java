package dev.keyport.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Keyport's ciphertext. Version 2, written since data keys:
 * {@code 2 ‖ kind ‖ key id ‖ material tag ‖ 96-bit IV ‖ AES-GCM(ciphertext ‖ 128-bit tag)}, where the kind says
 * whether it holds a caller's data or a data key, and the material tag (8 bytes,
 * {@link KeyMaterial#tag()}) names the material it was made under. Version 1, written before:
 * {@code 1 ‖ key id ‖ IV ‖ AES-GCM(…)}, data only and naming no material; it still opens. The header and the caller's
 * context are the associated data, so that none of it can be changed without the tag failing. The key id in clear is
 * what lets Decrypt find its key (a decrypt request need not name one).
 */
public final class Ciphertext {

    /** What a ciphertext holds. */
    public enum Kind {
        /** A caller's data (Encrypt, encrypt-data). */
        DATA,
        /** A data key (GenerateDataKey, create-datakey, encrypt-datakey). */
        DATA_KEY
    }

    private static final byte V1 = 1;
    private static final byte V2 = 2;
    private static final int KEY_ID_BYTES = 36;
    private static final int V1_HEADER_BYTES = 1 + KEY_ID_BYTES;
    private static final int V2_HEADER_BYTES = 1 + 1 + KEY_ID_BYTES + KeyMaterial.TAG_BYTES;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The bytes of a version-1 ciphertext besides its plaintext's. */
    static final int OVERHEAD = V1_HEADER_BYTES + IV_BYTES + TAG_BITS / 8;
    /** The bytes a ciphertext made now adds to its plaintext. */
    public static final int V2_OVERHEAD = V2_HEADER_BYTES + IV_BYTES + TAG_BITS / 8;

    private Ciphertext() {
    }

    /** The key a ciphertext names, without decrypting it. */
    public static KeyId keyIdOf(byte[] blob) {
        return keyIdAt(blob, headerBytes(blob, null));
    }

    private static KeyId keyIdAt(byte[] blob, int headerBytes) {
        String keyId = new String(blob, headerBytes == V1_HEADER_BYTES ? 1 : 2, KEY_ID_BYTES,
                StandardCharsets.US_ASCII);
        if (!KeyId.isWellFormed(keyId)) {
            throw invalid(null);
        }
        return KeyId.of(keyId);
    }

    /** What a ciphertext holds, without decrypting it: a version-1 ciphertext holds data. */
    public static Kind kindOf(byte[] blob) {
        return headerBytes(blob, null) == V1_HEADER_BYTES ? Kind.DATA : Kind.values()[blob[1]];
    }

    /** The length of the plaintext a ciphertext holds, without decrypting it (AES-GCM adds no padding). */
    public static int plaintextLengthOf(byte[] blob) {
        return blob.length - headerBytes(blob, null) - IV_BYTES - TAG_BITS / 8;
    }

    /** Whether {@code blob} has the form of a Keyport ciphertext (version, kind, a well-formed key id). */
    public static boolean isWellFormed(byte[] blob) {
        try {
            keyIdOf(blob);
            return true;
        } catch (CiphertextRejectedException e) {
            return false;
        }
    }

    static byte[] seal(Kind kind, KeyId keyId, KeyMaterial material, byte[] plaintext, byte[] context,
                       SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] header = ByteBuffer.allocate(V2_HEADER_BYTES).put(V2).put((byte) kind.ordinal())
                .put(keyId.value().getBytes(StandardCharsets.US_ASCII)).put(material.tag()).array();
        try {
            Cipher cipher = Aes.gcm();
            cipher.init(Cipher.ENCRYPT_MODE, material.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header);
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + iv.length + sealed.length)
                    .put(header).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw Crypto.unavailable("AES-GCM", e);
        }
    }

    static byte[] open(KeyId keyId, KeyMaterial material, byte[] blob, byte[] context) {
        int headerBytes = headerBytes(blob, keyId);
        if (!keyId.equals(keyIdAt(blob, headerBytes))) {
            throw invalid(keyId);
        }
        if (headerBytes == V2_HEADER_BYTES && !MessageDigest.isEqual(material.tag(),
                java.util.Arrays.copyOfRange(blob, V2_HEADER_BYTES - KeyMaterial.TAG_BYTES, V2_HEADER_BYTES))) {
            throw new CiphertextRejectedException(DomainErrorCode.DECRYPTION_FAILED, keyId,
                    "the ciphertext was made under other material than key " + keyId + " holds");
        }
        try {
            Cipher cipher = Aes.gcm();
            cipher.init(Cipher.DECRYPT_MODE, material.secretKey(),
                    new GCMParameterSpec(TAG_BITS, blob, headerBytes, IV_BYTES));
            cipher.updateAAD(blob, 0, headerBytes);
            cipher.updateAAD(context);
            return cipher.doFinal(blob, headerBytes + IV_BYTES, blob.length - headerBytes - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new CiphertextRejectedException(DomainErrorCode.DECRYPTION_FAILED, keyId,
                    "the ciphertext does not decrypt under key " + keyId + " with the context given");
        } catch (GeneralSecurityException e) {
            throw Crypto.unavailable("AES-GCM", e);
        }
    }

    /** The header's length by its version, once the blob is long enough for it and its kind is known. */
    private static int headerBytes(byte[] blob, KeyId keyId) {
        if (blob == null || blob.length == 0) {
            throw invalid(keyId);
        }
        int headerBytes = switch (blob[0]) {
            case V1 -> V1_HEADER_BYTES;
            case V2 -> V2_HEADER_BYTES;
            default -> throw invalid(keyId);
        };
        if (blob.length <= headerBytes + IV_BYTES + TAG_BITS / 8
                || headerBytes == V2_HEADER_BYTES && (blob[1] < 0 || blob[1] >= Kind.values().length)) {
            throw invalid(keyId);
        }
        return headerBytes;
    }

    private static CiphertextRejectedException invalid(KeyId keyId) {
        return new CiphertextRejectedException(DomainErrorCode.INVALID_CIPHERTEXT, keyId,
                "the ciphertext is not a Keyport ciphertext");
    }
}
