package dev.keyport.adapter.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets before they reach a column: AES-256-GCM under the master key, with the column and the key id as
 * associated data, so a sealed value moved to another row or column fails to open.
 *
 * <p>Stored format: {@code version(1) ‖ IV(12) ‖ ciphertext ‖ tag(16)}. The version byte names the format and the
 * master key generation, so that a later version can rotate the master key and still open version-1 values.
 *
 * <p>Not final only so that a test of this package can count what is opened.
 */
class Sealer {

    static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey masterKey;
    private final SecureRandom random;
    /** A cipher per thread, initialised afresh for every value: getInstance's provider search costs more than it. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(Sealer::newCipher);

    Sealer(MasterKey masterKey, SecureRandom random) {
        this.masterKey = Objects.requireNonNull(masterKey, "master key");
        this.random = Objects.requireNonNull(random, "random");
    }

    byte[] seal(byte[] secret, String column, String keyId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(column, keyId));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws SealedValueException when the value is not ours, altered, or sealed for another row or column */
    byte[] open(byte[] sealed, String column, String keyId) {
        if (sealed == null || sealed.length < 1 + IV_BYTES + TAG_BITS / 8) {
            throw new SealedValueException(column, keyId, "is truncated");
        }
        if (sealed[0] != VERSION) {
            throw new SealedValueException(column, keyId, "has unknown format version " + sealed[0]);
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(associatedData(column, keyId));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedValueException(column, keyId, "does not open under this master key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] associatedData(String column, String keyId) {
        return ("keyport/sealed/v1|" + column + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** A sealed value that cannot be opened: the wrong master key, or the database was altered. */
    static final class SealedValueException extends IllegalStateException {
        SealedValueException(String column, String keyId, String reason) {
            super("sealed " + column + " of key " + keyId + " " + reason);
        }
    }
}
