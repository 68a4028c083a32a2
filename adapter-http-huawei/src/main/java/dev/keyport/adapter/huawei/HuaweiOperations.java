package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DecryptResult;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Ciphertext;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.ImportToken;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The KMS operations Keyport serves under {@code /v1.0/{project_id}/kms/}: each parses its body, checks its syntax,
 * calls its use case and shapes the result as the SDK expects.
 */
final class HuaweiOperations {

    private static final LifecyclePolicy POLICY = LifecyclePolicy.HUAWEI;
    private static final Pattern SEQUENCE = Pattern.compile("^[0-9a-zA-Z-]{36}$");
    private static final Pattern IMPORT_TOKEN = Pattern.compile("^[0-9a-zA-Z+/=]{200,6144}$");
    private static final Pattern BASE64 = Pattern.compile("^[0-9a-zA-Z+/=]+$");
    private static final int MAX_CIPHER_TEXT = 5648;
    private static final int MAX_AAD_BYTES = 128;
    /** 9999-12-31T23:59:59Z. */
    static final long MAX_EXPIRY_SECONDS = 253_402_300_799L;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** What an operation needs besides its body. */
    record Context(Keyport keyport, Caller caller, HuaweiCredential credential) {
    }

    /** One operation: its body record, and its handler. */
    record Operation<R>(String name, Class<R> requestType, BiFunction<R, Context, Object> handler) {

        Object run(ObjectMapper json, JsonNode body, Context context) {
            return handler.apply(Json.read(json, body, requestType), context);
        }
    }

    static final Map<String, Operation<?>> ALL = Stream.of(
                    new Operation<>("create-key", Requests.CreateKey.class, HuaweiOperations::createKey),
                    new Operation<>("describe-key", Requests.OperateKey.class, HuaweiOperations::describeKey),
                    new Operation<>("list-keys", Requests.ListKeys.class, HuaweiOperations::listKeys),
                    new Operation<>("get-parameters-for-import", Requests.GetParametersForImport.class,
                            HuaweiOperations::getParametersForImport),
                    new Operation<>("import-key-material", Requests.ImportKeyMaterial.class,
                            HuaweiOperations::importKeyMaterial),
                    new Operation<>("delete-imported-key-material", Requests.OperateKey.class,
                            HuaweiOperations::deleteImportedKeyMaterial),
                    new Operation<>("enable-key", Requests.OperateKey.class, HuaweiOperations::enableKey),
                    new Operation<>("disable-key", Requests.OperateKey.class, HuaweiOperations::disableKey),
                    new Operation<>("schedule-key-deletion", Requests.ScheduleKeyDeletion.class,
                            HuaweiOperations::scheduleKeyDeletion),
                    new Operation<>("cancel-key-deletion", Requests.OperateKey.class,
                            HuaweiOperations::cancelKeyDeletion),
                    new Operation<>("encrypt-data", Requests.EncryptData.class, HuaweiOperations::encryptData),
                    new Operation<>("decrypt-data", Requests.DecryptData.class, HuaweiOperations::decryptData))
            .collect(Collectors.toUnmodifiableMap(Operation::name, o -> o));

    private HuaweiOperations() {
    }

    // ------------------------------------------------------------------------------------------------ operations

    private static Object createKey(Requests.CreateKey r, Context c) {
        sequence(r.sequence());
        Alias alias = Alias.of(required(r.keyAlias(), "key_alias"));
        String description = r.keyDescription() == null ? "" : r.keyDescription();
        if (description.length() > 255) {
            throw HuaweiException.badRequest("KMS.1103", "Invalid key_description.");
        }
        Origin origin = switch (r.origin() == null ? "kms" : r.origin()) {
            case "kms" -> Origin.KEYPORT;
            case "external" -> Origin.EXTERNAL;
            default -> throw HuaweiException.invalid("origin");
        };
        String spec = r.keySpec() == null ? "AES_256" : r.keySpec();
        if (!spec.equals("AES_256")) {
            throw HuaweiException.badRequest("KMS.1110", "Invalid alg_type: Keyport keeps AES_256 keys only.");
        }
        String usage = r.keyUsage() == null ? "ENCRYPT_DECRYPT" : r.keyUsage();
        if (!usage.equals("ENCRYPT_DECRYPT")) {
            throw HuaweiException.badRequest("KMS.1115", "Symmetric keys do not support to sign/verify.");
        }
        if (r.keystoreId() != null && !r.keystoreId().isEmpty() && !r.keystoreId().equals("0")) {
            throw HuaweiException.badRequest("KMS.0340", "not support keystore.");
        }
        KeyView key = c.keyport().createKey(new CreateKeyCommand(c.caller(), alias, Description.of(description),
                KeyUsage.ENCRYPT_DECRYPT, origin));
        return new Responses.CreateKey(new Responses.KekInfo(key.id().value(), c.credential().domainId()));
    }

    private static Object describeKey(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        KeyView key = c.keyport().describeKey(new DescribeKeyCommand(c.caller(), keyId(r.keyId())));
        return new Responses.DescribeKey(details(key, c.credential()));
    }

    private static Object listKeys(Requests.ListKeys r, Context c) {
        sequence(r.sequence());
        int limit = number(r.limit(), 1000, 1, 1000, "KMS.1601", "Invalid limit.");
        long marker = number(r.marker(), 0, 0, Integer.MAX_VALUE, "KMS.1602",
                "marker must be greater than or equals 0.");
        Set<KeyState> states = EnumSet.allOf(KeyState.class);
        if (r.keyState() != null && !r.keyState().isEmpty()) {
            states = switch (r.keyState()) {
                case "1" -> EnumSet.noneOf(KeyState.class); // "to be activated": Keyport has no such key
                case "2" -> EnumSet.of(KeyState.ENABLED);
                case "3" -> EnumSet.of(KeyState.DISABLED);
                case "4" -> EnumSet.of(KeyState.PENDING_DELETE);
                case "5" -> EnumSet.of(KeyState.PENDING_IMPORT);
                default -> throw HuaweiException.invalid("key_state");
            };
        }
        String spec = r.keySpec() == null || r.keySpec().isEmpty() ? "AES_256" : r.keySpec();
        if (states.isEmpty() || !(spec.equals("AES_256") || spec.equals("ALL"))) {
            return new Responses.ListKeys(List.of(), List.of(), "", "false", 0); // Keyport keeps AES_256 keys only
        }
        KeyPage page = c.keyport().listKeys(new ListKeysCommand(c.caller(), states, Optional.empty(),
                Optional.empty(), Optional.empty(), false, marker, limit));
        boolean truncated = marker + page.keys().size() < page.total();
        return new Responses.ListKeys(page.keys().stream().map(k -> k.id().value()).toList(),
                page.keys().stream().map(k -> details(k, c.credential())).toList(),
                truncated ? Long.toString(marker + page.keys().size()) : "", Boolean.toString(truncated),
                page.total());
    }

    private static Object getParametersForImport(Requests.GetParametersForImport r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        WrappingAlgorithm algorithm = WrappingAlgorithm.byName(required(r.wrappingAlgorithm(), "wrapping_algorithm"))
                .orElseThrow(() -> HuaweiException.invalid("wrapping_algorithm"));
        ImportParameters parameters = c.keyport().getParametersForImport(new GetParametersForImportCommand(
                c.caller(), id, algorithm, WrappingKeySpec.RSA_2048));
        return new Responses.ParametersForImport(id.value(), parameters.token().value(),
                parameters.expiresAt().getEpochSecond(), Base64.getEncoder().encodeToString(parameters.publicKeyDer()));
    }

    private static Object importKeyMaterial(Requests.ImportKeyMaterial r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        String token = required(r.importToken(), "import_token");
        if (!IMPORT_TOKEN.matcher(token).matches()) {
            throw HuaweiException.badRequest("KMS.2605", "Token verification failed.");
        }
        String material = required(r.encryptedKeyMaterial(), "encrypted_key_material");
        if (r.encryptedPrivatekey() != null && !r.encryptedPrivatekey().isEmpty()) {
            throw HuaweiException.badRequest("KMS.0325", "The asymmetric key is not support this operation.");
        }
        byte[] wrapped = base64(material, () -> HuaweiException.badRequest("KMS.0311",
                "Failed to decrypt data using the RSA private key."));
        Optional<Instant> expiry = Optional.ofNullable(r.expirationTime()).map(HuaweiOperations::expiry);
        c.keyport().importKeyMaterial(new ImportKeyMaterialCommand(c.caller(), id, ImportToken.of(token), wrapped,
                expiry));
        return new Responses.Empty();
    }

    private static Object deleteImportedKeyMaterial(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        c.keyport().deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(c.caller(), keyId(r.keyId())));
        return new Responses.Empty();
    }

    private static Object enableKey(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        KeyView key = c.keyport().enableKey(new EnableKeyCommand(c.caller(), keyId(r.keyId())));
        return new Responses.WrappedKeyStatus(new Responses.KeyStatus(key.id().value(), state(key.state())));
    }

    private static Object disableKey(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        KeyView key = c.keyport().disableKey(new DisableKeyCommand(c.caller(), keyId(r.keyId())));
        return new Responses.WrappedKeyStatus(new Responses.KeyStatus(key.id().value(), state(key.state())));
    }

    private static Object scheduleKeyDeletion(Requests.ScheduleKeyDeletion r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        int days = number(required(r.pendingDays(), "pending_days"), 0, 1, 100_000, "KMS.1401",
                "Set the pending deletion period between 7 to 1096 days.");
        KeyView key = c.keyport().scheduleKeyDeletion(new ScheduleKeyDeletionCommand(c.caller(), id, days));
        return new Responses.KeyStatus(key.id().value(), state(key.state()));
    }

    private static Object cancelKeyDeletion(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        KeyView key = c.keyport().cancelKeyDeletion(new CancelKeyDeletionCommand(c.caller(), keyId(r.keyId())));
        return new Responses.KeyStatus(key.id().value(), state(key.state()));
    }

    private static Object encryptData(Requests.EncryptData r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        String plainText = required(r.plainText(), "plain_text");
        byte[] plaintext = plainText.getBytes(StandardCharsets.UTF_8);
        if (plaintext.length > 4096) {
            throw HuaweiException.badRequest("KMS.2101", "Invalid plain_text.");
        }
        symmetricDefault(r.encryptionAlgorithm());
        EncryptResult result = c.keyport().encrypt(new EncryptCommand(c.caller(), id, plaintext,
                context(r.additionalAuthenticatedData(), r.encryptionContext())));
        return new Responses.EncryptData(id.value(), Base64.getEncoder().encodeToString(result.ciphertext()));
    }

    private static Object decryptData(Requests.DecryptData r, Context c) {
        sequence(r.sequence());
        String cipherText = required(r.cipherText(), "cipher_text");
        if (cipherText.length() > MAX_CIPHER_TEXT || !BASE64.matcher(cipherText).matches()) {
            throw HuaweiException.badRequest("KMS.2201", "Invalid cipher_text.");
        }
        byte[] blob = base64(cipherText, () -> HuaweiException.badRequest("KMS.2201", "Invalid cipher_text."));
        if (r.keyId() != null && !r.keyId().isEmpty() && !keyId(r.keyId()).equals(Ciphertext.keyIdOf(blob))) {
            throw HuaweiException.badRequest("KMS.2201", "Invalid cipher_text: it was made under another key.");
        }
        symmetricDefault(r.encryptionAlgorithm());
        DecryptResult result = c.keyport().decrypt(new DecryptCommand(c.caller(), blob,
                context(r.additionalAuthenticatedData(), r.encryptionContext())));
        byte[] plaintext = result.plaintext();
        return new Responses.DecryptData(result.keyId().value(), utf8OrEmpty(plaintext),
                Base64.getEncoder().encodeToString(plaintext));
    }

    // ------------------------------------------------------------------------------------------------ shapes

    static String state(KeyState state) {
        return switch (state) {
            case ENABLED -> "2";
            case DISABLED -> "3";
            case PENDING_DELETE -> "4";
            case PENDING_IMPORT -> "5";
        };
    }

    static String origin(Origin origin) {
        return switch (origin) {
            case KEYPORT -> "kms";
            case EXTERNAL -> "external";
        };
    }

    /** KeyDetails: every field a string, times in epoch milliseconds, "" when absent. */
    static Responses.KeyDetails details(KeyView key, HuaweiCredential credential) {
        return new Responses.KeyDetails(key.id().value(), credential.domainId(), key.alias().value(),
                key.scope().region().value(), "AES_256", key.usage().name(), key.description().value(),
                Long.toString(key.createdAt().toEpochMilli()),
                key.deletionDate().map(d -> Long.toString(d.toEpochMilli())).orElse(""), state(key.state()), "0",
                "1", key.materialExpiresAt().map(d -> Long.toString(d.toEpochMilli())).orElse(""),
                origin(key.origin()), "false", "0", "0");
    }

    // ------------------------------------------------------------------------------------------------ syntax

    static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw HuaweiException.missing(field);
        }
        return value;
    }

    static KeyId keyId(String value) {
        if (!KeyId.isWellFormed(required(value, "key_id"))) {
            throw HuaweiException.badRequest("KMS.0205", "Invalid key ID.");
        }
        return KeyId.of(value);
    }

    /**
     * An {@code expiration_time} in epoch seconds: one at or before the epoch is in the past ({@code KMS.2602}, as
     * the domain says of any past time); one after 9999-12-31T23:59:59Z is not a time Keyport keeps
     * ({@code KMS.0308}). Huawei documents neither bound.
     */
    static Instant expiry(long epochSeconds) {
        if (epochSeconds <= 0) {
            throw HuaweiException.badRequest("KMS.2602", "Key expiration time must be later than the current time.");
        }
        if (epochSeconds > MAX_EXPIRY_SECONDS) {
            throw HuaweiException.invalid("expiration_time (at most " + MAX_EXPIRY_SECONDS + ", 9999-12-31T23:59:59Z)");
        }
        return Instant.ofEpochSecond(epochSeconds);
    }

    private static void sequence(String sequence) {
        if (sequence != null && !SEQUENCE.matcher(sequence).matches()) {
            throw HuaweiException.badRequest("KMS.0206", "Invalid sequence number.");
        }
    }

    private static int number(String value, int absent, int min, int max, String code, String message) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min || parsed > max) {
                throw HuaweiException.badRequest(code, message);
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw HuaweiException.badRequest(code, message);
        }
    }

    private static void symmetricDefault(String algorithm) {
        if (algorithm != null && !algorithm.isEmpty() && !algorithm.equals("SYMMETRIC_DEFAULT")) {
            throw HuaweiException.badRequest("KMS.2105", "The symmetric key not support this encryption algorithm.");
        }
    }

    /**
     * The authenticated context: {@code additional_authenticated_data} as its UTF-8 bytes, or the older
     * {@code encryption_context} object as canonical JSON (keys sorted), never both.
     */
    private static byte[] context(String aad, JsonNode encryptionContext) {
        boolean hasContext = encryptionContext != null && !encryptionContext.isNull();
        if (aad != null && !aad.isEmpty()) {
            if (hasContext) {
                throw HuaweiException.badRequest("KMS.0208", "Invalid value of value encryption_context: give "
                        + "additional_authenticated_data or encryption_context, not both.");
            }
            byte[] bytes = aad.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_AAD_BYTES) {
                throw HuaweiException.invalid("additional_authenticated_data");
            }
            return bytes;
        }
        if (!hasContext) {
            return new byte[0];
        }
        if (!encryptionContext.isObject()) {
            throw HuaweiException.badRequest("KMS.0208", "Invalid value of value encryption_context.");
        }
        try {
            Object tree = CANONICAL.treeToValue(encryptionContext, Object.class);
            byte[] canonical = CANONICAL.writeValueAsBytes(tree);
            if (canonical.length > 8192) {
                throw HuaweiException.badRequest("KMS.0208", "Invalid value of value encryption_context.");
            }
            return canonical;
        } catch (JsonProcessingException e) {
            throw HuaweiException.badRequest("KMS.0208", "Invalid value of value encryption_context.");
        }
    }

    private static byte[] base64(String value, java.util.function.Supplier<HuaweiException> invalid) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid.get();
        }
    }

    /** plain_text is text; bytes that are not UTF-8 (encrypted through another API) are in plain_text_base64. */
    private static String utf8OrEmpty(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }
}
