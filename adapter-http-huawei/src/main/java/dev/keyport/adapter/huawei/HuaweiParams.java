package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyport.domain.Ciphertext;
import dev.keyport.domain.DataKey;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values of Huawei's request bodies, parsed and checked for their syntax (types, formats, lengths), each refused
 * with its row of {@link HuaweiErrors}. What a value means for a key is the domain's to decide; a value the domain's
 * own types check (a key id, an alias, the size of a plaintext) is checked there and nowhere else. A number quoted
 * from one of Huawei's rules comes from the request's {@link LifecyclePolicy}.
 */
final class HuaweiParams {

    private static final Pattern SEQUENCE = Pattern.compile("^[0-9a-zA-Z-]{36}$");
    private static final Pattern IMPORT_TOKEN = Pattern.compile("^[0-9a-zA-Z+/=]{200,6144}$");
    private static final Pattern BASE64 = Pattern.compile("^[0-9a-zA-Z+/=]+$");
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");
    /** The SHA-256 digest encrypt-datakey's plain_text ends with. */
    private static final int DIGEST_BYTES = 32;
    /** A data key's ciphertext or plain_text in hex: well under 2 KiB of bytes (1,024 and their overhead). */
    private static final int MAX_HEX_BYTES = 2048;
    private static final int MAX_CIPHER_TEXT = 5648;
    private static final int MAX_AAD_BYTES = 128;
    private static final int MAX_CONTEXT_BYTES = 8192;
    private static final int MAX_LIMIT = 1000;
    /** The most days a pending period is read as: a number, not a window (the domain checks the policy's). */
    private static final int MAX_DAYS = 100_000;
    /** 9999-12-31T23:59:59Z. */
    static final long MAX_EXPIRY_SECONDS = 253_402_300_799L;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private HuaweiParams() {
    }

    static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw HuaweiErrors.MISSING.exception(field);
        }
        return value;
    }

    /** A key id: present, and then as {@link KeyId} accepts it (else the domain's {@code KMS.0205}). */
    static KeyId keyId(String value) {
        return KeyId.of(required(value, "key_id"));
    }

    static void sequence(String sequence) {
        if (sequence != null && !SEQUENCE.matcher(sequence).matches()) {
            throw HuaweiErrors.INVALID_SEQUENCE.exception();
        }
    }

    // ------------------------------------------------------------------------------------------------ create-key

    /** At most the policy's length in characters; the domain's {@code Description} checks the rest. */
    static String description(String value, LifecyclePolicy policy) {
        String description = value == null ? "" : value;
        if (description.length() > policy.descriptionLength()) {
            throw HuaweiErrors.INVALID_DESCRIPTION.exception();
        }
        return description;
    }

    /** {@code kms} (the default) or {@code external}. */
    static Origin origin(String value) {
        return HuaweiViews.originNamed(value == null ? HuaweiViews.origin(Origin.KEYPORT) : value)
                .orElseThrow(() -> HuaweiErrors.INVALID_PARAMETER.exception("origin"));
    }

    /** {@code AES_256}, the default: Keyport keeps no other kind of key. */
    static void aes256(String keySpec) {
        if (keySpec != null && !keySpec.equals("AES_256")) {
            throw HuaweiErrors.INVALID_KEY_SPEC.exception("Keyport keeps AES_256 keys only");
        }
    }

    /** {@code ENCRYPT_DECRYPT}, the default. */
    static void encryptDecrypt(String keyUsage) {
        if (keyUsage != null && !keyUsage.equals("ENCRYPT_DECRYPT")) {
            throw HuaweiErrors.SYMMETRIC_USAGE.exception();
        }
    }

    /** The default key store only: none, empty or {@code 0}. */
    static void defaultKeystore(String keystoreId) {
        if (keystoreId != null && !keystoreId.isEmpty() && !keystoreId.equals("0")) {
            throw HuaweiErrors.NO_KEYSTORE.exception();
        }
    }

    // ------------------------------------------------------------------------------------------------ list-keys

    static int limit(String value) {
        return number(value, MAX_LIMIT, 1, MAX_LIMIT, HuaweiErrors.INVALID_LIMIT);
    }

    static int marker(String value) {
        return number(value, 0, 0, Integer.MAX_VALUE, HuaweiErrors.INVALID_MARKER);
    }

    /** The states a {@code key_state} filter names: all when absent, none for 1 ("to be activated"). */
    static Set<KeyState> keyStates(String value) {
        if (value == null || value.isEmpty()) {
            return EnumSet.allOf(KeyState.class);
        }
        if (value.equals("1")) {
            return EnumSet.noneOf(KeyState.class); // Keyport has no key waiting to be activated
        }
        return EnumSet.of(HuaweiViews.stateNamed(value)
                .orElseThrow(() -> HuaweiErrors.INVALID_PARAMETER.exception("key_state")));
    }

    /** Whether a {@code key_spec} filter can match Keyport's keys: AES_256 (the default) or ALL. */
    static boolean listsAes256(String keySpec) {
        String spec = keySpec == null || keySpec.isEmpty() ? "AES_256" : keySpec;
        return spec.equals("AES_256") || spec.equals("ALL");
    }

    // ------------------------------------------------------------------------------------------------ import

    static WrappingAlgorithm wrappingAlgorithm(String value) {
        return WrappingAlgorithm.byName(required(value, "wrapping_algorithm"))
                .orElseThrow(() -> HuaweiErrors.INVALID_PARAMETER.exception("wrapping_algorithm"));
    }

    /** The wrapping key the policy issues: Huawei's API names no size, so the smallest the policy allows. */
    static WrappingKeySpec wrappingKeySpec(LifecyclePolicy policy) {
        return policy.wrappingKeySpecs().stream().min(Comparator.comparingInt(WrappingKeySpec::bits)).orElseThrow();
    }

    static String importToken(String value) {
        String token = required(value, "import_token");
        if (!IMPORT_TOKEN.matcher(token).matches()) {
            throw HuaweiErrors.TOKEN_INVALID.exception();
        }
        return token;
    }

    /** {@code encrypted_key_material} as bytes; an asymmetric key's {@code encrypted_privatekey} is refused. */
    static byte[] wrappedMaterial(String material, String encryptedPrivateKey) {
        required(material, "encrypted_key_material");
        if (encryptedPrivateKey != null && !encryptedPrivateKey.isEmpty()) {
            throw HuaweiErrors.ASYMMETRIC_ONLY.exception();
        }
        return base64(material, HuaweiErrors.UNWRAP_FAILED);
    }

    /**
     * An {@code expiration_time} in epoch seconds: one at or before the epoch is in the past ({@code KMS.2602}, as
     * the domain says of any past time); one after 9999-12-31T23:59:59Z is not a time Keyport keeps
     * ({@code KMS.0308}). Huawei documents neither bound.
     */
    static Instant expiry(long epochSeconds) {
        if (epochSeconds <= 0) {
            throw HuaweiErrors.EXPIRY_NOT_IN_FUTURE.exception();
        }
        if (epochSeconds > MAX_EXPIRY_SECONDS) {
            throw HuaweiErrors.INVALID_PARAMETER.exception("expiration_time (at most " + MAX_EXPIRY_SECONDS
                    + ", 9999-12-31T23:59:59Z)");
        }
        return Instant.ofEpochSecond(epochSeconds);
    }

    // ------------------------------------------------------------------------------------------------ deletion

    /** A number of days; whether it is inside the policy's window is the domain's rule, with the same answer. */
    static int pendingDays(String value, LifecyclePolicy policy) {
        return number(required(value, "pending_days"), 0, 1, MAX_DAYS, HuaweiErrors.deletionWindow(policy));
    }

    // ------------------------------------------------------------------------------------------------ crypto

    /** {@code plain_text} as UTF-8; its size is the domain's rule ({@code KMS.2101}). */
    static byte[] plaintext(String value) {
        return required(value, "plain_text").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code cipher_text}: base64 of at most Huawei's 5648 characters; when a {@code key_id} is given, a ciphertext
     * made under that key.
     */
    static byte[] cipherText(String value, String keyId) {
        String cipherText = required(value, "cipher_text");
        if (cipherText.length() > MAX_CIPHER_TEXT || !BASE64.matcher(cipherText).matches()) {
            throw HuaweiErrors.INVALID_CIPHERTEXT.exception();
        }
        byte[] blob = base64(cipherText, HuaweiErrors.INVALID_CIPHERTEXT);
        if (keyId != null && !keyId.isEmpty() && !keyId(keyId).equals(Ciphertext.keyIdOf(blob))) {
            throw HuaweiErrors.INVALID_CIPHERTEXT.exception("it was made under another key");
        }
        return blob;
    }

    // ------------------------------------------------------------------------------------------------ data keys

    /**
     * create-datakey's length in bytes: {@code datakey_length} in bits when given, which wins, a multiple of 8
     * ({@code KMS.1903}) from 8 to 8,192 ({@code KMS.1901}); else {@code key_spec} AES_256 or AES_128
     * ({@code KMS.1902}); neither: 256 bits, as Huawei documents.
     */
    static int dataKeyBytes(String keySpec, String datakeyLengthBits) {
        if (datakeyLengthBits != null && !datakeyLengthBits.isEmpty()) {
            return bytesOfBits(datakeyLengthBits, HuaweiErrors.DATA_KEY_LENGTH_RANGE,
                    HuaweiErrors.DATA_KEY_LENGTH_NOT_BYTES);
        }
        if (keySpec == null || keySpec.isEmpty() || keySpec.equals("AES_256")) {
            return 32;
        }
        if (keySpec.equals("AES_128")) {
            return 16;
        }
        throw HuaweiErrors.DATA_KEY_SPEC.exception();
    }

    /** gen-random's {@code random_data_length} in bits: a multiple of 8 ({@code KMS.1802}), 8 to 8,192 ({@code KMS.1801}). */
    static int randomBytes(String randomDataLengthBits) {
        return bytesOfBits(required(randomDataLengthBits, "random_data_length"), HuaweiErrors.RANDOM_LENGTH_RANGE,
                HuaweiErrors.RANDOM_LENGTH_NOT_BYTES);
    }

    /**
     * encrypt-datakey's {@code plain_text}: hex of the data key followed by hex of its SHA-256 digest, the data key
     * {@code datakey_plain_length} bytes (1 to 1,024, {@code KMS.2102}). Not hex: {@code KMS.2101}; another length:
     * {@code KMS.2104}; a digest that is not the data key's: {@code KMS.2103}. The caller erases the data key.
     */
    static byte[] dataKeyWithDigest(String plainText, String datakeyPlainLength) {
        int length = number(required(datakeyPlainLength, "datakey_plain_length"), 0, 1, DataKey.MAX_BYTES,
                HuaweiErrors.DATA_KEY_PLAIN_LENGTH);
        byte[] both = hex(required(plainText, "plain_text"), HuaweiErrors.INVALID_PLAINTEXT);
        try {
            if (both.length != length + DIGEST_BYTES) {
                throw HuaweiErrors.PLAIN_TEXT_LENGTH_MISMATCH.exception();
            }
            byte[] dataKey = Arrays.copyOf(both, length);
            byte[] digest = sha256(dataKey);
            if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(both, length, both.length))) {
                Arrays.fill(dataKey, (byte) 0);
                throw HuaweiErrors.DATA_KEY_DIGEST_MISMATCH.exception();
            }
            return dataKey;
        } finally {
            Arrays.fill(both, (byte) 0);
        }
    }

    /**
     * decrypt-datakey's {@code cipher_text}: hex of a data key's ciphertext made under {@code key_id}
     * ({@code KMS.2201} otherwise), whose data key is {@code datakey_cipher_length} bytes (1 to 1,024,
     * {@code KMS.2202}; another length, {@code KMS.2204}).
     */
    static byte[] dataKeyCipherText(String cipherText, String keyId, String datakeyCipherLength) {
        int length = dataKeyCipherLength(datakeyCipherLength);
        byte[] blob = requireDataKey(hex(required(cipherText, "cipher_text"), HuaweiErrors.INVALID_CIPHERTEXT));
        if (!keyId(required(keyId, "key_id")).equals(Ciphertext.keyIdOf(blob))) {
            throw HuaweiErrors.INVALID_CIPHERTEXT.exception("it was made under another key");
        }
        requireLength(blob, length);
        return blob;
    }

    /** {@code datakey_cipher_length}: a data key's bytes, 1 to 1,024 ({@code KMS.2202}). */
    static int dataKeyCipherLength(String datakeyCipherLength) {
        return number(required(datakeyCipherLength, "datakey_cipher_length"), 0, 1, DataKey.MAX_BYTES,
                HuaweiErrors.DATA_KEY_CIPHER_LENGTH);
    }

    /** A data key's ciphertext ({@code KMS.2201} otherwise) holding {@code length} bytes ({@code KMS.2204}). */
    static void requireDataKeyOfLength(byte[] blob, int length) {
        requireLength(requireDataKey(blob), length);
    }

    private static void requireLength(byte[] blob, int length) {
        if (Ciphertext.plaintextLengthOf(blob) != length) {
            throw HuaweiErrors.CIPHER_TEXT_LENGTH_MISMATCH.exception();
        }
    }

    /** A ciphertext as re-encrypt takes it: hex of a data key's, or base64 of data's (KMS.2201 otherwise). */
    static byte[] anyCipherText(String cipherText) {
        String value = required(cipherText, "cipher_text");
        if (value.length() % 2 == 0 && value.length() <= 2 * MAX_HEX_BYTES && HEX.matcher(value).matches()) {
            byte[] blob = HexFormat.of().parseHex(value);
            if (Ciphertext.isWellFormed(blob) && Ciphertext.kindOf(blob) == Ciphertext.Kind.DATA_KEY) {
                return blob;
            }
        }
        byte[] blob = cipherText(value, null);
        if (!Ciphertext.isWellFormed(blob) || Ciphertext.kindOf(blob) != Ciphertext.Kind.DATA) {
            throw HuaweiErrors.INVALID_CIPHERTEXT.exception();
        }
        return blob;
    }

    /** {@code blob}, a data key's ciphertext. */
    private static byte[] requireDataKey(byte[] blob) {
        if (!Ciphertext.isWellFormed(blob) || Ciphertext.kindOf(blob) != Ciphertext.Kind.DATA_KEY) {
            throw HuaweiErrors.INVALID_CIPHERTEXT.exception("it is not a data key's ciphertext");
        }
        return blob;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Bits as bytes: a multiple of 8 ({@code notBytes}) from 8 to 8,192 ({@code range}). */
    private static int bytesOfBits(String bits, HuaweiErrors.Row range, HuaweiErrors.Row notBytes) {
        int value = number(bits, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, range);
        if (value < 8 || value > 8 * DataKey.MAX_BYTES) {
            throw range.exception();
        }
        if (value % 8 != 0) {
            throw notBytes.exception();
        }
        return value / 8;
    }

    private static byte[] hex(String value, HuaweiErrors.Row invalid) {
        if (value.isEmpty() || value.length() % 2 != 0 || value.length() > 2 * MAX_HEX_BYTES
                || !HEX.matcher(value).matches()) {
            throw invalid.exception();
        }
        return HexFormat.of().parseHex(value);
    }

    static void symmetricDefault(String algorithm) {
        if (algorithm != null && !algorithm.isEmpty() && !algorithm.equals("SYMMETRIC_DEFAULT")) {
            throw HuaweiErrors.UNSUPPORTED_ALGORITHM.exception();
        }
    }

    /**
     * The authenticated context: {@code additional_authenticated_data} as its UTF-8 bytes, or the older
     * {@code encryption_context} object as canonical JSON (keys sorted), never both.
     */
    static byte[] context(String aad, JsonNode encryptionContext) {
        boolean hasContext = encryptionContext != null && !encryptionContext.isNull();
        if (aad != null && !aad.isEmpty()) {
            if (hasContext) {
                throw HuaweiErrors.INVALID_CONTEXT.exception(
                        "give additional_authenticated_data or encryption_context, not both");
            }
            byte[] bytes = aad.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_AAD_BYTES) {
                throw HuaweiErrors.INVALID_PARAMETER.exception("additional_authenticated_data");
            }
            return bytes;
        }
        if (!hasContext) {
            return new byte[0];
        }
        if (!encryptionContext.isObject()) {
            throw HuaweiErrors.INVALID_CONTEXT.exception();
        }
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(encryptionContext, Object.class));
            if (canonical.length > MAX_CONTEXT_BYTES) {
                throw HuaweiErrors.INVALID_CONTEXT.exception();
            }
            return canonical;
        } catch (JsonProcessingException e) {
            throw HuaweiErrors.INVALID_CONTEXT.exception();
        }
    }

    // ------------------------------------------------------------------------------------------------ syntax

    /** A whole number from {@code min} to {@code max}, "" or absent for {@code absent}; else {@code invalid}. */
    private static int number(String value, int absent, int min, int max, HuaweiErrors.Row invalid) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min || parsed > max) {
                throw invalid.exception();
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw invalid.exception();
        }
    }

    private static byte[] base64(String value, HuaweiErrors.Row invalid) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid.exception();
        }
    }
}
