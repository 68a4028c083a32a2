package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CloudResourceCommand;
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
import dev.keyport.domain.CloudResource;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sixteen KMS actions Keyport serves: each parses its parameters, checks their syntax, calls its use case and
 * shapes the result as the SDK expects. Business rules stay in the domain; a domain refusal reaches the client
 * through {@link TencentErrors}.
 */
final class TencentActions {

    static final String VERSION = "2019-01-18";
    /** ValidTo's documented upper bound: 2038-01-19 00:00 Beijing time. */
    static final long MAX_VALID_TO = 2147443200L;
    private static final LifecyclePolicy POLICY = LifecyclePolicy.TENCENT;
    private static final Set<String> ASYMMETRIC_USAGES = Set.of("ASYMMETRIC_DECRYPT_RSA_2048",
            "ASYMMETRIC_DECRYPT_SM2", "ASYMMETRIC_SIGN_VERIFY_SM2", "ASYMMETRIC_SIGN_VERIFY_ECC",
            "ASYMMETRIC_SIGN_VERIFY_RSA_2048", "ASYMMETRIC_SIGN_VERIFY_ECDSA384");
    private static final Set<KeyState> LISTED_BY_LIST_KEYS =
            EnumSet.of(KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_IMPORT);

    /** What an action needs besides its parameters. */
    record Context(Keyport keyport, Caller caller, TencentCredential credential) {
    }

    /** One action: its request record, whether it counts as Encrypt/Decrypt for rate limits, and its handler. */
    record Action<R>(String name, Class<R> requestType, boolean crypto, BiFunction<R, Context, Object> handler) {

        Object run(ObjectMapper json, JsonNode params, Context context) {
            return handler.apply(Json.read(json, params, requestType), context);
        }
    }

    static final Map<String, Action<?>> ALL = Stream.of(
                    new Action<>("CreateKey", Requests.CreateKey.class, false, TencentActions::createKey),
                    new Action<>("DescribeKey", Requests.KeyIdOnly.class, false, TencentActions::describeKey),
                    new Action<>("DescribeKeys", Requests.DescribeKeys.class, false, TencentActions::describeKeys),
                    new Action<>("ListKeys", Requests.ListKeys.class, false, TencentActions::listKeys),
                    new Action<>("ListKeyDetail", Requests.ListKeyDetail.class, false, TencentActions::listKeyDetail),
                    new Action<>("GetParametersForImport", Requests.GetParametersForImport.class, false,
                            TencentActions::getParametersForImport),
                    new Action<>("ImportKeyMaterial", Requests.ImportKeyMaterial.class, false,
                            TencentActions::importKeyMaterial),
                    new Action<>("DeleteImportedKeyMaterial", Requests.KeyIdOnly.class, false,
                            TencentActions::deleteImportedKeyMaterial),
                    new Action<>("EnableKey", Requests.KeyIdOnly.class, false, TencentActions::enableKey),
                    new Action<>("DisableKey", Requests.KeyIdOnly.class, false, TencentActions::disableKey),
                    new Action<>("ScheduleKeyDeletion", Requests.ScheduleKeyDeletion.class, false,
                            TencentActions::scheduleKeyDeletion),
                    new Action<>("CancelKeyDeletion", Requests.KeyIdOnly.class, false,
                            TencentActions::cancelKeyDeletion),
                    new Action<>("Encrypt", Requests.Encrypt.class, true, TencentActions::encrypt),
                    new Action<>("Decrypt", Requests.Decrypt.class, true, TencentActions::decrypt),
                    new Action<>("BindCloudResource", Requests.CloudResource.class, false,
                            TencentActions::bindCloudResource),
                    new Action<>("UnbindCloudResource", Requests.CloudResource.class, false,
                            TencentActions::unbindCloudResource))
            .collect(Collectors.toUnmodifiableMap(Action::name, a -> a));

    private TencentActions() {
    }

    // ------------------------------------------------------------------------------------------------- actions

    private static Object createKey(Requests.CreateKey r, Context c) {
        Alias alias = Alias.of(required(r.alias(), "Alias"));
        Description description = Description.of(r.description());
        usage(r.keyUsage());
        long type = r.type() == null ? 1 : r.type();
        if (type != 1 && type != 2) {
            throw new TencentException("InvalidParameterValue.InvalidType",
                    "Type must be 1 (TENCENT_KMS) or 2 (EXTERNAL).");
        }
        Origin origin = type == 1 ? Origin.KEYPORT : Origin.EXTERNAL;
        noHsmCluster(r.hsmClusterId());
        KeyView key = c.keyport().createKey(new CreateKeyCommand(c.caller(), alias, description,
                KeyUsage.ENCRYPT_DECRYPT, origin));
        boolean tagged = r.tags() != null && !r.tags().isEmpty();
        return new Responses.CreateKey(key.id().value(), key.alias().value(), key.createdAt().getEpochSecond(),
                key.description().value(), state(key.state()), key.usage().name(), tagged ? 2 : 0,
                tagged ? "Keyport does not keep tags: the key was created without them." : "ok");
    }

    private static Object describeKey(Requests.KeyIdOnly r, Context c) {
        noMemberAccount(r.memberAccount());
        KeyView key = c.keyport().describeKey(new DescribeKeyCommand(c.caller(), keyId(r.keyId())));
        return new Responses.DescribeKey(metadata(key, c.credential()));
    }

    private static Object describeKeys(Requests.DescribeKeys r, Context c) {
        noMemberAccount(r.memberAccount());
        if (r.keyIds() == null) {
            throw TencentException.missing("KeyIds");
        }
        if (r.keyIds().isEmpty() || r.keyIds().size() > 100) {
            throw TencentException.invalid("KeyIds", "must hold 1 to 100 key ids");
        }
        List<KeyId> ids = r.keyIds().stream().map(TencentActions::keyId).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new TencentException("InvalidParameterValue.DuplicatedKeyId", "KeyIds holds the same id twice.");
        }
        List<Responses.KeyMetadata> metadata = new ArrayList<>();
        for (KeyId id : ids) {
            metadata.add(metadata(c.keyport().describeKey(new DescribeKeyCommand(c.caller(), id)), c.credential()));
        }
        return new Responses.DescribeKeys(metadata);
    }

    private static Object listKeys(Requests.ListKeys r, Context c) {
        long offset = offset(r.offset());
        int limit = limit(r.limit());
        noHsmCluster(r.hsmClusterId());
        if (userCreatedOnly(r.role())) {
            return new Responses.ListKeys(List.of(), 0);
        }
        KeyPage page = c.keyport().listKeys(new ListKeysCommand(c.caller(), LISTED_BY_LIST_KEYS, Optional.empty(),
                Optional.empty(), Optional.empty(), true, offset, limit));
        return new Responses.ListKeys(page.keys().stream().map(k -> new Responses.Key(k.id().value())).toList(),
                page.total());
    }

    private static Object listKeyDetail(Requests.ListKeyDetail r, Context c) {
        long offset = offset(r.offset());
        int limit = limit(r.limit());
        noHsmCluster(r.hsmClusterId());
        if (r.memberAccounts() != null && !r.memberAccounts().isEmpty()) {
            throw new TencentException("UnsupportedOperation", "MemberAccounts is not supported by Keyport.");
        }
        long orderType = r.orderType() == null ? 0 : r.orderType();
        if (orderType != 0 && orderType != 1) {
            throw TencentException.invalid("OrderType", "must be 0 (newest first) or 1 (oldest first)");
        }
        long keyState = r.keyState() == null ? 0 : r.keyState();
        if (keyState < 0 || keyState > 5) {
            throw TencentException.invalid("KeyState", "must be 0 to 5");
        }
        Set<KeyState> states = switch ((int) keyState) {
            case 0 -> EnumSet.allOf(KeyState.class);
            case 1 -> EnumSet.of(KeyState.ENABLED);
            case 2 -> EnumSet.of(KeyState.DISABLED);
            case 3 -> EnumSet.of(KeyState.PENDING_DELETE);
            case 4 -> EnumSet.of(KeyState.PENDING_IMPORT);
            case 5 -> EnumSet.noneOf(KeyState.class); // Archived: Keyport archives no key
            default -> throw new IllegalStateException("checked above");
        };
        Optional<Origin> origin = switch (r.origin() == null ? "" : r.origin()) {
            case "", "ALL" -> Optional.empty();
            case "TENCENT_KMS" -> Optional.of(Origin.KEYPORT);
            case "EXTERNAL" -> Optional.of(Origin.EXTERNAL);
            default -> throw TencentException.invalid("Origin", "must be TENCENT_KMS, EXTERNAL or ALL");
        };
        boolean noUsageMatches = false;
        Optional<KeyUsage> usage;
        String wantedUsage = r.keyUsage() == null || r.keyUsage().isEmpty() ? "ENCRYPT_DECRYPT" : r.keyUsage();
        if (wantedUsage.equals("ALL")) {
            usage = Optional.empty();
        } else if (wantedUsage.equals("ENCRYPT_DECRYPT")) {
            usage = Optional.of(KeyUsage.ENCRYPT_DECRYPT);
        } else if (ASYMMETRIC_USAGES.contains(wantedUsage)) {
            usage = Optional.empty();
            noUsageMatches = true;
        } else {
            throw new TencentException("InvalidParameterValue.InvalidKeyUsage", "KeyUsage is not valid.");
        }
        boolean tagged = r.tagFilters() != null && !r.tagFilters().isEmpty();
        if (states.isEmpty() || noUsageMatches || tagged || userCreatedOnly(r.role())) {
            return new Responses.ListKeyDetail(0, List.of()); // Keyport keeps no tag, archive or asymmetric key
        }
        Optional<String> search = Optional.ofNullable(r.searchKeyAlias()).filter(s -> !s.isEmpty());
        KeyPage page = c.keyport().listKeys(new ListKeysCommand(c.caller(), states, origin, usage, search,
                orderType == 0, offset, limit));
        return new Responses.ListKeyDetail(page.total(),
                page.keys().stream().map(k -> metadata(k, c.credential())).toList());
    }

    private static Object getParametersForImport(Requests.GetParametersForImport r, Context c) {
        KeyId id = keyId(r.keyId());
        WrappingAlgorithm algorithm = WrappingAlgorithm.byName(required(r.wrappingAlgorithm(), "WrappingAlgorithm"))
                .orElseThrow(() -> TencentException.invalid("WrappingAlgorithm",
                        "must be RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256"));
        WrappingKeySpec spec = WrappingKeySpec.byName(required(r.wrappingKeySpec(), "WrappingKeySpec"))
                .orElseThrow(() -> TencentException.invalid("WrappingKeySpec", "must be RSA_2048"));
        ImportParameters parameters = c.keyport().getParametersForImport(new GetParametersForImportCommand(
                c.caller(), id, algorithm, spec));
        return new Responses.GetParametersForImport(id.value(), parameters.token().value(),
                Base64.getEncoder().encodeToString(parameters.publicKeyDer()),
                parameters.expiresAt().getEpochSecond());
    }

    private static Object importKeyMaterial(Requests.ImportKeyMaterial r, Context c) {
        KeyId id = keyId(r.keyId());
        byte[] wrapped = base64(required(r.encryptedKeyMaterial(), "EncryptedKeyMaterial"),
                () -> TencentException.invalid("EncryptedKeyMaterial", "is not base64"));
        ImportToken token = ImportToken.of(required(r.importToken(), "ImportToken"));
        Optional<Instant> expiry = Optional.empty();
        if (r.validTo() != null && r.validTo() != 0) {
            if (r.validTo() < 0 || r.validTo() > MAX_VALID_TO) {
                throw TencentException.invalidValue("ValidTo", "must be 0 (never) or a unix time up to "
                        + MAX_VALID_TO);
            }
            expiry = Optional.of(Instant.ofEpochSecond(r.validTo()));
        }
        c.keyport().importKeyMaterial(new ImportKeyMaterialCommand(c.caller(), id, token, wrapped, expiry));
        return new Responses.Empty();
    }

    private static Object deleteImportedKeyMaterial(Requests.KeyIdOnly r, Context c) {
        noMemberAccount(r.memberAccount());
        c.keyport().deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(c.caller(), keyId(r.keyId())));
        return new Responses.Empty();
    }

    private static Object enableKey(Requests.KeyIdOnly r, Context c) {
        noMemberAccount(r.memberAccount());
        c.keyport().enableKey(new EnableKeyCommand(c.caller(), keyId(r.keyId())));
        return new Responses.Empty();
    }

    private static Object disableKey(Requests.KeyIdOnly r, Context c) {
        noMemberAccount(r.memberAccount());
        c.keyport().disableKey(new DisableKeyCommand(c.caller(), keyId(r.keyId())));
        return new Responses.Empty();
    }

    private static Object scheduleKeyDeletion(Requests.ScheduleKeyDeletion r, Context c) {
        noMemberAccount(r.memberAccount());
        KeyId id = keyId(r.keyId());
        if (r.pendingWindowInDays() == null) {
            throw TencentException.missing("PendingWindowInDays");
        }
        long days = r.pendingWindowInDays();
        if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
            throw new TencentException("InvalidParameter.InvalidPendingWindowInDays",
                    "PendingWindowInDays must be between 7 and 30.");
        }
        KeyView key = c.keyport().scheduleKeyDeletion(new ScheduleKeyDeletionCommand(c.caller(), id, (int) days));
        return new Responses.ScheduleKeyDeletion(key.deletionDate().orElseThrow().getEpochSecond(), id.value());
    }

    private static Object cancelKeyDeletion(Requests.KeyIdOnly r, Context c) {
        noMemberAccount(r.memberAccount());
        KeyId id = keyId(r.keyId());
        c.keyport().cancelKeyDeletion(new CancelKeyDeletionCommand(c.caller(), id));
        return new Responses.CancelKeyDeletion(id.value());
    }

    private static Object encrypt(Requests.Encrypt r, Context c) {
        KeyId id = keyId(r.keyId());
        byte[] plaintext = base64(required(r.plaintext(), "Plaintext"), () -> new TencentException(
                "InvalidParameterValue.InvalidPlaintext", "Plaintext is not base64."));
        EncryptResult result = c.keyport().encrypt(new EncryptCommand(c.caller(), id, plaintext,
                context(r.encryptionContext())));
        return new Responses.Encrypt(Base64.getEncoder().encodeToString(result.ciphertext()), id.value());
    }

    private static Object decrypt(Requests.Decrypt r, Context c) {
        byte[] blob = base64(required(r.ciphertextBlob(), "CiphertextBlob"), () -> new TencentException(
                "InvalidParameterValue.InvalidCiphertext", "CiphertextBlob is not a Keyport ciphertext."));
        if (r.encryptionPublicKey() != null && !r.encryptionPublicKey().isEmpty()
                || r.encryptionAlgorithm() != null && !r.encryptionAlgorithm().isEmpty()) {
            throw new TencentException("UnsupportedOperation",
                    "EncryptionPublicKey and EncryptionAlgorithm are not supported by Keyport.");
        }
        DecryptResult result = c.keyport().decrypt(new DecryptCommand(c.caller(), blob,
                context(r.encryptionContext())));
        return new Responses.Decrypt(result.keyId().value(), Base64.getEncoder().encodeToString(result.plaintext()));
    }

    private static Object bindCloudResource(Requests.CloudResource r, Context c) {
        c.keyport().bindCloudResource(cloudResource(r, c));
        return new Responses.Empty();
    }

    private static Object unbindCloudResource(Requests.CloudResource r, Context c) {
        c.keyport().unbindCloudResource(cloudResource(r, c));
        return new Responses.Empty();
    }

    // ------------------------------------------------------------------------------------------------- shapes

    static String state(KeyState state) {
        return switch (state) {
            case ENABLED -> "Enabled";
            case DISABLED -> "Disabled";
            case PENDING_DELETE -> "PendingDelete";
            case PENDING_IMPORT -> "PendingImport";
        };
    }

    static String origin(Origin origin) {
        return switch (origin) {
            case KEYPORT -> "TENCENT_KMS";
            case EXTERNAL -> "EXTERNAL";
        };
    }

    /** KeyMetadata.Type: 2 is a FIPS 140-2 region's key (Keyport's AES-256-GCM), as opposed to 4, an SM key. */
    static final long KEY_TYPE_FIPS = 2;

    static Responses.KeyMetadata metadata(KeyView key, TencentCredential credential) {
        return new Responses.KeyMetadata(key.id().value(), key.alias().value(), key.createdAt().getEpochSecond(),
                key.description().value(), state(key.state()), key.usage().name(), KEY_TYPE_FIPS, credential.uin(),
                false, "user", 0, key.deletionDate().map(Instant::getEpochSecond).orElse(0L), origin(key.origin()),
                key.materialExpiresAt().map(Instant::getEpochSecond).orElse(0L),
                "creatorUin/" + credential.uin() + "/" + key.id().value());
    }

    // ------------------------------------------------------------------------------------------------- syntax

    static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw TencentException.missing(name);
        }
        return value;
    }

    static KeyId keyId(String value) {
        if (!KeyId.isWellFormed(required(value, "KeyId"))) {
            throw new TencentException("InvalidParameterValue.InvalidKeyId", "Invalid KeyId.");
        }
        return KeyId.of(value);
    }

    private static void usage(String usage) {
        if (usage == null || usage.isEmpty() || usage.equals("ENCRYPT_DECRYPT")) {
            return;
        }
        if (ASYMMETRIC_USAGES.contains(usage)) {
            throw new TencentException("UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion",
                    "Keyport keeps symmetric ENCRYPT_DECRYPT keys only.");
        }
        throw new TencentException("InvalidParameterValue.InvalidKeyUsage", "KeyUsage is not valid.");
    }

    private static void noHsmCluster(String hsmClusterId) {
        if (hsmClusterId != null && !hsmClusterId.isEmpty()) {
            throw new TencentException("InvalidParameterValue.InvalidHsmClusterId",
                    "Keyport has no HSM cluster " + hsmClusterId + ".");
        }
    }

    private static void noMemberAccount(JsonNode memberAccount) {
        if (memberAccount != null && !memberAccount.isNull() && !memberAccount.isEmpty()) {
            throw new TencentException("UnsupportedOperation", "MemberAccount is not supported by Keyport.");
        }
    }

    /** Role 1 lists the keys cloud products created; Keyport has none. */
    private static boolean userCreatedOnly(Long role) {
        long value = role == null ? 0 : role;
        if (value != 0 && value != 1) {
            throw TencentException.invalid("Role", "must be 0 or 1");
        }
        return value == 1;
    }

    private static long offset(Long offset) {
        long value = offset == null ? 0 : offset;
        if (value < 0) {
            throw TencentException.invalid("Offset", "must not be negative");
        }
        return value;
    }

    private static int limit(Long limit) {
        long value = limit == null ? 10 : limit;
        if (value < 1 || value > 200) {
            throw TencentException.invalid("Limit", "must be 1 to 200");
        }
        return (int) value;
    }

    /** EncryptionContext: a JSON object of at most 1024 characters, authenticated byte for byte as given. */
    private static byte[] context(String context) {
        if (context == null || context.isEmpty()) {
            return new byte[0];
        }
        if (context.length() > 1024) {
            throw TencentException.invalid("EncryptionContext", "must be at most 1024 characters");
        }
        if (!Json.isObject(context)) {
            throw TencentException.invalid("EncryptionContext", "must be a JSON object");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] base64(String value, java.util.function.Supplier<TencentException> invalid) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid.get();
        }
    }

    private static CloudResourceCommand cloudResource(Requests.CloudResource r, Context c) {
        KeyId id = keyId(r.keyId());
        String product = required(r.productId(), "ProductId");
        String resource = required(r.resourceId(), "ResourceId");
        return new CloudResourceCommand(c.caller(), id, new CloudResource(product, resource));
    }
}
