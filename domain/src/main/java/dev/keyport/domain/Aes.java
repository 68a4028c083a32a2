package dev.keyport.domain;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * One AES-GCM {@link Cipher} per thread: {@code Cipher.getInstance} searches the providers each time, which costs as
 * much as sealing a short value. Every use initialises it afresh (key, IV, associated data), so nothing of one use
 * reaches the next; a use never calls back into another on the same thread.
 */
final class Aes {

    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw Crypto.unavailable("AES-GCM", e);
        }
    });

    private Aes() {
    }

    static Cipher gcm() {
        return GCM.get();
    }
}
