package dev.keyport.adapter.huawei;

import dev.keyport.application.port.in.DecryptResult;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.Origin;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * How Keyport's keys look on Huawei's wire: {@code key_state} as a digit, {@code origin} as {@code kms} or
 * {@code external}, times as epoch milliseconds inside strings, and every field of key details a string, as the
 * SDK's strict deserializer demands. Each vocabulary is written once here and read back through the same table.
 */
final class HuaweiViews {

    /** What list-keys answers when no key can match: Keyport keeps AES_256 keys only. */
    static final Responses.ListKeys NO_KEYS = new Responses.ListKeys(List.of(), List.of(), "", "false", 0);

    private HuaweiViews() {
    }

    static String state(KeyState state) {
        return switch (state) {
            case ENABLED -> "2";
            case DISABLED -> "3";
            case PENDING_DELETE -> "4";
            case PENDING_IMPORT -> "5";
        };
    }

    /** The state a {@code key_state} digit names; empty for one that names none of Keyport's. */
    static Optional<KeyState> stateNamed(String wire) {
        return Arrays.stream(KeyState.values()).filter(s -> state(s).equals(wire)).findFirst();
    }

    static String origin(Origin origin) {
        return switch (origin) {
            case KEYPORT -> "kms";
            case EXTERNAL -> "external";
        };
    }

    /** The origin an {@code origin} word names; empty for another word. */
    static Optional<Origin> originNamed(String wire) {
        return Arrays.stream(Origin.values()).filter(o -> origin(o).equals(wire)).findFirst();
    }

    /** KeyDetails: every field a string, times in epoch milliseconds, "" when absent. */
    static Responses.KeyDetails details(KeyView key, HuaweiCredential credential) {
        return new Responses.KeyDetails(key.id().value(), credential.domainId(), key.alias().value(),
                key.scope().region().value(), "AES_256", key.usage().name(), key.description().value(),
                millis(key.createdAt()), key.deletionDate().map(HuaweiViews::millis).orElse(""), state(key.state()),
                "0", "1", key.materialExpiresAt().map(HuaweiViews::millis).orElse(""), origin(key.origin()),
                "false", "0", "0");
    }

    static Responses.CreateKey created(KeyView key, HuaweiCredential credential) {
        return new Responses.CreateKey(new Responses.KekInfo(key.id().value(), credential.domainId()));
    }

    static Responses.KeyStatus status(KeyView key) {
        return new Responses.KeyStatus(key.id().value(), state(key.state()));
    }

    /** One page of keys from {@code marker}: truncated, with the next marker, while keys remain after it. */
    static Responses.ListKeys page(KeyPage page, long marker, HuaweiCredential credential) {
        boolean truncated = marker + page.keys().size() < page.total();
        return new Responses.ListKeys(page.keys().stream().map(k -> k.id().value()).toList(),
                page.keys().stream().map(k -> details(k, credential)).toList(),
                truncated ? Long.toString(marker + page.keys().size()) : "", Boolean.toString(truncated),
                page.total());
    }

    /** {@code expiration_time} a number of seconds; the public key base64 of its DER. */
    static Responses.ParametersForImport parameters(KeyId id, ImportParameters parameters) {
        return new Responses.ParametersForImport(id.value(), parameters.token().value(),
                parameters.expiresAt().getEpochSecond(), Base64.getEncoder().encodeToString(parameters.publicKeyDer()));
    }

    static Responses.EncryptData encrypted(KeyId id, byte[] ciphertext) {
        return new Responses.EncryptData(id.value(), Base64.getEncoder().encodeToString(ciphertext));
    }

    /** plain_text is text; bytes that are not UTF-8 (encrypted through another API) are in plain_text_base64. */
    static Responses.DecryptData decrypted(DecryptResult result) {
        byte[] plaintext = result.plaintext();
        return new Responses.DecryptData(result.keyId().value(), utf8OrEmpty(plaintext),
                Base64.getEncoder().encodeToString(plaintext));
    }

    /** Bytes as Huawei writes them in its data-key and random answers: upper-case hex. */
    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static String utf8OrEmpty(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }
}
