package dev.keyport.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The opaque token a caller presents with wrapped material. It names the key it was issued for, its grant and its
 * expiry, and binds the wrapping key and algorithm through a digest; Keyport stores only a SHA-256 of the whole
 * token, so a token cannot be forged from what is stored. Base64, 216 characters (some clients require at least
 * 200).
 */
public record ImportToken(String value) {

    private static final byte[] MAGIC = {'K', 'T'};
    private static final byte VERSION = 1;
    private static final int KEY_ID_BYTES = 36;
    static final int GRANT_ID_BYTES = 16;
    private static final int SECRET_BYTES = 64;
    private static final int LENGTH = MAGIC.length + 1 + KEY_ID_BYTES + GRANT_ID_BYTES + Long.BYTES + 1 + 32 + SECRET_BYTES;

    public ImportToken {
        Objects.requireNonNull(value, "import token");
    }

    public static ImportToken of(String value) {
        return new ImportToken(value);
    }

    /** What a well-formed token says of itself; only the stored digest can confirm that it is genuine. */
    record Claims(KeyId keyId, String grantId, Instant expiresAt, byte[] digest) {
    }

    static ImportToken issue(KeyId keyId, String grantId, Instant expiresAt, WrappingAlgorithm algorithm,
                             byte[] publicKeyDer, SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH)
                .put(MAGIC)
                .put(VERSION)
                .put(keyId.value().getBytes(StandardCharsets.US_ASCII))
                .put(HexFormat.of().parseHex(grantId))
                .putLong(expiresAt.toEpochMilli())
                .put((byte) (algorithm.ordinal() + 1))
                .put(Crypto.sha256(publicKeyDer))
                .put(secret);
        return new ImportToken(Base64.getEncoder().encodeToString(buffer.array()));
    }

    Optional<Claims> claims() {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != LENGTH || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1] || bytes[2] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).position(MAGIC.length + 1);
        byte[] keyIdBytes = new byte[KEY_ID_BYTES];
        buffer.get(keyIdBytes);
        String keyId = new String(keyIdBytes, StandardCharsets.US_ASCII);
        if (!KeyId.isWellFormed(keyId)) {
            return Optional.empty();
        }
        byte[] grantId = new byte[GRANT_ID_BYTES];
        buffer.get(grantId);
        Instant expiresAt = Instant.ofEpochMilli(buffer.getLong());
        return Optional.of(new Claims(KeyId.of(keyId), HexFormat.of().formatHex(grantId), expiresAt,
                Crypto.sha256(bytes)));
    }

    @Override
    public String toString() {
        return "ImportToken[redacted]";
    }
}
