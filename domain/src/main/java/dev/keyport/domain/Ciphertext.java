package dev.keyport.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Keyport's ciphertext: {@code version ‖ key id ‖ 96-bit IV ‖ AES-GCM(ciphertext ‖ 128-bit tag)}. The header and the
 * caller's context are the associated data, so neither can be changed without the tag failing. The key id in clear
 * is what lets Decrypt find its key (a decrypt request need not name one).
 */
public final class Ciphertext {

    private static final byte VERSION = 1;
    private static final int KEY_ID_BYTES = 36;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int OVERHEAD = HEADER_BYTES + IV_BYTES + TAG_BITS / 8;

    private Ciphertext() {
    }

    /** The key a ciphertext names, without decrypting it. */
    public static KeyId keyIdOf(byte[] blob) {
        if (blob == null || blob.length <= OVERHEAD || blob[0] != VERSION) {
            throw invalid(null);
        }
        String keyId = new String(blob, 1, KEY_ID_BYTES, StandardCharsets.US_ASCII);
        if (!KeyId.isWellFormed(keyId)) {
            throw invalid(null);
        }
        return KeyId.of(keyId);
    }

    static byte[] seal(KeyId keyId, KeyMaterial material, byte[] plaintext, byte[] context, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] header = header(keyId);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
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
        if (!keyId.equals(keyIdOf(blob))) {
            throw invalid(keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, material.secretKey(),
                    new GCMParameterSpec(TAG_BITS, blob, HEADER_BYTES, IV_BYTES));
            cipher.updateAAD(blob, 0, HEADER_BYTES);
            cipher.updateAAD(context);
            return cipher.doFinal(blob, HEADER_BYTES + IV_BYTES, blob.length - HEADER_BYTES - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new CiphertextRejectedException(DomainErrorCode.DECRYPTION_FAILED, keyId,
                    "the ciphertext does not decrypt under key " + keyId + " with the context given");
        } catch (GeneralSecurityException e) {
            throw Crypto.unavailable("AES-GCM", e);
        }
    }

    private static byte[] header(KeyId keyId) {
        byte[] header = Arrays.copyOf(new byte[] {VERSION}, HEADER_BYTES);
        System.arraycopy(keyId.value().getBytes(StandardCharsets.US_ASCII), 0, header, 1, KEY_ID_BYTES);
        return header;
    }

    private static CiphertextRejectedException invalid(KeyId keyId) {
        return new CiphertextRejectedException(DomainErrorCode.INVALID_CIPHERTEXT, keyId,
                "the ciphertext is not a Keyport ciphertext");
    }
}
