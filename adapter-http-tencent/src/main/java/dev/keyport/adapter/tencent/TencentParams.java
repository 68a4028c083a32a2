package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyport.domain.CloudResource;
import dev.keyport.domain.DataKey;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An action's parameters: from the request to one JSON object, and from its fields to values, with the syntax
 * Tencent gives them (presence, numbers and their ranges, base64, the names of enumerations). A value the domain
 * has a type for is made by that type, which checks it (a key id by {@link KeyId}, an alias by the domain's alias
 * rule): the check is not repeated here, and its refusal reaches the client through {@link TencentErrors}.
 *
 * <p>Form-style parameters ({@code KeyIds.0=…&Tags.0.TagKey=…}) read as the JSON object a JSON request would have
 * carried; every leaf stays a string, which the request records accept for numbers too. Each name reads one way
 * only: segments are non-empty, at most {@value #MAX_DEPTH} deep; an array's indexes are written without leading
 * zeros and run from 0 without a gap (as every SDK writes them), so that {@code KeyIds.0} and {@code KeyIds.00}, or
 * a sparse {@code KeyIds.7}, cannot stand for the same element.
 */
final class TencentParams {

    /** KMS's deepest parameter is {@code TagFilters.0.TagValues.0}. */
    static final int MAX_DEPTH = 6;
    /** ValidTo's documented upper bound: 2038-01-19 00:00 Beijing time. */
    static final long MAX_VALID_TO = 2147443200L;
    static final int MAX_KEY_IDS = 100;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 200;
    static final int MAX_CONTEXT_CHARS = 1024;
    /** The usages Tencent has and Keyport does not keep. */
    static final Set<String> ASYMMETRIC_USAGES = Set.of("ASYMMETRIC_DECRYPT_RSA_2048", "ASYMMETRIC_DECRYPT_SM2",
            "ASYMMETRIC_SIGN_VERIFY_SM2", "ASYMMETRIC_SIGN_VERIFY_ECC", "ASYMMETRIC_SIGN_VERIFY_RSA_2048",
            "ASYMMETRIC_SIGN_VERIFY_ECDSA384");

    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,3}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private TencentParams() {
    }

    // ------------------------------------------------------------------------------------------------- the request

    /** The action's parameters of an authenticated request, as one JSON object. */
    static ObjectNode of(ObjectMapper json, IncomingRequest request) {
        if (request.kind() == IncomingRequest.Kind.JSON) {
            return Json.body(json, request.body());
        }
        Map<String, String> flat = new LinkedHashMap<>(request.flatParams());
        if (request.header("Authorization") == null) {
            TencentAuthenticator.V1_COMMON.forEach(flat::remove);
        }
        return unflatten(flat);
    }

    static ObjectNode unflatten(Map<String, String> flat) {
        Map<String, Object> tree = new TreeMap<>();
        for (Map.Entry<String, String> entry : flat.entrySet()) {
            String[] path = segments(entry.getKey());
            Map<String, Object> node = tree;
            for (int i = 0; i < path.length - 1; i++) {
                Object child = node.computeIfAbsent(path[i], k -> new TreeMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw conflict(entry.getKey());
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            if (node.putIfAbsent(path[path.length - 1], entry.getValue()) != null) {
                throw conflict(entry.getKey());
            }
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode(); // the top level is always an object
        tree.forEach((k, v) -> params.set(k, toJson(v, k)));
        return params;
    }

    private static String[] segments(String name) {
        String[] path = name.split("\\.", -1);
        if (path.length > MAX_DEPTH) {
            throw TencentErrors.invalid(name, "is nested deeper than any KMS parameter");
        }
        for (String segment : path) {
            if (segment.isEmpty()) {
                throw TencentErrors.EMPTY_NAME_PART.exception(TencentException.quote(name));
            }
            if (DIGITS.matcher(segment).matches() && !INDEX.matcher(segment).matches()) {
                throw TencentErrors.NON_CANONICAL_INDEX.exception(TencentException.quote(name));
            }
        }
        return path;
    }

    private static TencentException conflict(String name) {
        return TencentErrors.CONFLICTING_PARAMETER.exception(TencentException.quote(name));
    }

    private static JsonNode toJson(Object node, String name) {
        if (node instanceof String s) {
            return JsonNodeFactory.instance.textNode(s);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) node;
        if (!map.isEmpty() && map.keySet().stream().allMatch(k -> INDEX.matcher(k).matches())) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            map.forEach((k, v) -> ordered.put(Integer.parseInt(k), v));
            if (ordered.lastKey() != ordered.size() - 1) {
                throw TencentErrors.ARRAY_GAP.exception(TencentException.quote(name));
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            ordered.forEach((k, v) -> array.add(toJson(v, name + "." + k)));
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        map.forEach((k, v) -> object.set(k, toJson(v, name + "." + k)));
        return object;
    }

    // ------------------------------------------------------------------------------------------------- values

    static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw TencentErrors.missing(name);
        }
        return value;
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw TencentErrors.missing(name);
        }
        return value;
    }

    /** A key id, checked once, by {@link KeyId}: {@code InvalidParameterValue.InvalidKeyId} when malformed. */
    static KeyId keyId(String value) {
        return KeyId.of(required(value, "KeyId"));
    }

    /** DescribeKeys' KeyIds: 1 to 100 distinct key ids. */
    static List<KeyId> keyIds(List<String> values) {
        if (required(values, "KeyIds").isEmpty() || values.size() > MAX_KEY_IDS) {
            throw TencentErrors.invalid("KeyIds", "must hold 1 to " + MAX_KEY_IDS + " key ids");
        }
        List<KeyId> ids = values.stream().map(TencentParams::keyId).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw TencentErrors.DUPLICATED_KEY_ID.exception();
        }
        return ids;
    }

    static long offset(Long offset) {
        long value = offset == null ? 0 : offset;
        if (value < 0) {
            throw TencentErrors.invalid("Offset", "must not be negative");
        }
        return value;
    }

    static int limit(Long limit) {
        long value = limit == null ? DEFAULT_LIMIT : limit;
        if (value < 1 || value > MAX_LIMIT) {
            throw TencentErrors.invalid("Limit", "must be 1 to " + MAX_LIMIT);
        }
        return (int) value;
    }

    /** Role 1 lists the keys cloud products created; Keyport has none. */
    static boolean userCreatedOnly(Long role) {
        long value = role == null ? 0 : role;
        if (value != 0 && value != 1) {
            throw TencentErrors.invalid("Role", "must be 0 or 1");
        }
        return value == 1;
    }

    /** OrderType 0 lists the newest key first, 1 the oldest. */
    static boolean newestFirst(Long orderType) {
        long value = orderType == null ? 0 : orderType;
        if (value != 0 && value != 1) {
            throw TencentErrors.invalid("OrderType", "must be 0 (newest first) or 1 (oldest first)");
        }
        return value == 0;
    }

    /** ListKeyDetail's KeyState filter: 0 is every state; 5, Archived, is none, since Keyport archives no key. */
    static Set<KeyState> keyStates(Long keyState) {
        long value = keyState == null ? 0 : keyState;
        if (value < 0 || value > 5) {
            throw TencentErrors.invalid("KeyState", "must be 0 to 5");
        }
        return switch ((int) value) {
            case 0 -> EnumSet.allOf(KeyState.class);
            case 1 -> EnumSet.of(KeyState.ENABLED);
            case 2 -> EnumSet.of(KeyState.DISABLED);
            case 3 -> EnumSet.of(KeyState.PENDING_DELETE);
            case 4 -> EnumSet.of(KeyState.PENDING_IMPORT);
            case 5 -> EnumSet.noneOf(KeyState.class);
            default -> throw new IllegalStateException("checked above");
        };
    }

    /** ListKeyDetail's Origin filter: ALL (or none) or one origin's name, case-sensitively. */
    static Optional<Origin> originFilter(String origin) {
        if (origin == null || origin.isEmpty() || origin.equals("ALL")) {
            return Optional.empty();
        }
        return Optional.of(TencentViews.originNamed(origin).orElseThrow(() -> {
            List<String> names = new ArrayList<>(Arrays.stream(Origin.values()).map(TencentViews::origin).toList());
            names.add("ALL");
            return TencentErrors.invalid("Origin", "must be " + TencentException.either(names));
        }));
    }

    /**
     * ListKeyDetail's KeyUsage filter; an unset one is ENCRYPT_DECRYPT, not ALL, as Tencent documents.
     *
     * @param matchesNone an asymmetric usage: a valid filter no Keyport key matches
     */
    record UsageFilter(Optional<KeyUsage> usage, boolean matchesNone) {
    }

    static UsageFilter usageFilter(String keyUsage) {
        String wanted = keyUsage == null || keyUsage.isEmpty() ? TencentViews.usage(KeyUsage.ENCRYPT_DECRYPT)
                : keyUsage;
        if (wanted.equals("ALL")) {
            return new UsageFilter(Optional.empty(), false);
        }
        Optional<KeyUsage> usage = TencentViews.usageNamed(wanted);
        if (usage.isPresent()) {
            return new UsageFilter(usage, false);
        }
        if (ASYMMETRIC_USAGES.contains(wanted)) {
            return new UsageFilter(Optional.empty(), true);
        }
        throw TencentErrors.INVALID_KEY_USAGE.exception();
    }

    /** CreateKey's KeyUsage: Keyport keeps symmetric keys only. */
    static KeyUsage usage(String keyUsage) {
        if (keyUsage == null || keyUsage.isEmpty()) {
            return KeyUsage.ENCRYPT_DECRYPT;
        }
        Optional<KeyUsage> usage = TencentViews.usageNamed(keyUsage);
        if (usage.isPresent()) {
            return usage.get();
        }
        if (ASYMMETRIC_USAGES.contains(keyUsage)) {
            throw TencentErrors.ASYMMETRIC_KEY_USAGE.exception();
        }
        throw TencentErrors.INVALID_KEY_USAGE.exception();
    }

    /** CreateKey's Type: 1 makes the key's material, 2 waits for it to be imported. */
    static Origin origin(Long type) {
        long value = type == null ? 1 : type;
        if (value != 1 && value != 2) {
            throw TencentErrors.INVALID_TYPE.exception();
        }
        return value == 1 ? Origin.KEYPORT : Origin.EXTERNAL;
    }

    static Optional<String> search(String searchKeyAlias) {
        return Optional.ofNullable(searchKeyAlias).filter(s -> !s.isEmpty());
    }

    static boolean given(List<?> list) {
        return list != null && !list.isEmpty();
    }

    static void noHsmCluster(String hsmClusterId) {
        if (hsmClusterId != null && !hsmClusterId.isEmpty()) {
            throw TencentErrors.NO_HSM_CLUSTER.exception(hsmClusterId);
        }
    }

    static void noMemberAccount(JsonNode memberAccount) {
        if (memberAccount != null && !memberAccount.isNull() && !memberAccount.isEmpty()) {
            throw TencentErrors.NO_MEMBER_ACCOUNT.exception();
        }
    }

    static void noMemberAccounts(JsonNode memberAccounts) {
        if (memberAccounts != null && !memberAccounts.isEmpty()) {
            throw TencentErrors.NO_MEMBER_ACCOUNTS.exception();
        }
    }

    /** Decrypt re-encrypting its plaintext to a client's public key, which Keyport does not do. */
    static void noEncryptionPublicKey(String encryptionPublicKey, String encryptionAlgorithm) {
        if (encryptionPublicKey != null && !encryptionPublicKey.isEmpty()
                || encryptionAlgorithm != null && !encryptionAlgorithm.isEmpty()) {
            throw TencentErrors.NO_ENCRYPTION_PUBLIC_KEY.exception();
        }
    }

    static WrappingAlgorithm wrappingAlgorithm(String name) {
        return WrappingAlgorithm.byName(required(name, "WrappingAlgorithm")).orElseThrow(() ->
                TencentErrors.invalid("WrappingAlgorithm", "must be " + TencentException.either(
                        List.of(WrappingAlgorithm.values()))));
    }

    /** A wrapping key spec the caller's policy issues. */
    static WrappingKeySpec wrappingKeySpec(String name, LifecyclePolicy policy) {
        return WrappingKeySpec.byName(required(name, "WrappingKeySpec")).filter(policy.wrappingKeySpecs()::contains)
                .orElseThrow(() -> TencentErrors.invalid("WrappingKeySpec", "must be "
                        + TencentException.either(EnumSet.copyOf(policy.wrappingKeySpecs()))));
    }

    /** ImportKeyMaterial's ValidTo: 0 (or none) for material that never expires, else a unix time. */
    static Optional<Instant> validTo(Long validTo) {
        if (validTo == null || validTo == 0) {
            return Optional.empty();
        }
        if (validTo < 0 || validTo > MAX_VALID_TO) {
            throw TencentErrors.invalidValue("ValidTo", "must be 0 (never) or a unix time up to " + MAX_VALID_TO);
        }
        return Optional.of(Instant.ofEpochSecond(validTo));
    }

    /**
     * ScheduleKeyDeletion's PendingWindowInDays as the domain's number of days. The window itself is the domain's
     * rule (the caller's policy); a number beyond any day count is refused here with the same row.
     */
    static int pendingWindowInDays(Long days, LifecyclePolicy policy) {
        long value = required(days, "PendingWindowInDays");
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw TencentErrors.deletionWindow(policy).exception();
        }
        return (int) value;
    }

    static CloudResource cloudResource(String productId, String resourceId) {
        return new CloudResource(required(productId, "ProductId"), required(resourceId, "ResourceId"));
    }

    /** EncryptionContext: a JSON object of at most 1024 characters, authenticated byte for byte as given. */
    static byte[] context(String context) {
        return context(context, "EncryptionContext");
    }

    /** An encryption context named {@code name} (ReEncrypt has two), as {@link #context(String)}. */
    static byte[] context(String context, String name) {
        if (context == null || context.isEmpty()) {
            return new byte[0];
        }
        if (context.length() > MAX_CONTEXT_CHARS) {
            throw TencentErrors.invalid(name, "must be at most " + MAX_CONTEXT_CHARS + " characters");
        }
        if (!Json.isObject(context)) {
            throw TencentErrors.invalid(name, "must be a JSON object");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * GenerateDataKey's length in bytes: NumberOfBytes (1 to 1,024) when given, which wins over KeySpec, as Tencent
     * documents; else KeySpec AES_128 (16) or AES_256 (32); one of them is required.
     */
    static int dataKeyBytes(String keySpec, Long numberOfBytes) {
        if (numberOfBytes != null) {
            if (numberOfBytes < 1 || numberOfBytes > DataKey.MAX_BYTES) {
                throw TencentErrors.invalidValue("NumberOfBytes", "must be 1 to " + DataKey.MAX_BYTES);
            }
            return numberOfBytes.intValue();
        }
        if (keySpec == null || keySpec.isEmpty()) {
            throw TencentErrors.DATA_KEY_LENGTH_MISSING.exception();
        }
        return switch (keySpec) {
            case "AES_128" -> 16;
            case "AES_256" -> 32;
            default -> throw TencentErrors.invalidValue("KeySpec", "must be AES_128 or AES_256");
        };
    }

    /** GenerateRandom's NumberOfBytes: 1 to 1,024. */
    static int randomBytes(Long numberOfBytes) {
        long value = required(numberOfBytes, "NumberOfBytes");
        if (value < 1 || value > DataKey.MAX_BYTES) {
            throw TencentErrors.invalidValue("NumberOfBytes", "must be 1 to " + DataKey.MAX_BYTES);
        }
        return (int) value;
    }

    /** IsHostedByKms: 0 or absent; 1 (data keys KMS keeps) is not served. */
    static void notHosted(Long isHostedByKms) {
        if (isHostedByKms == null || isHostedByKms == 0) {
            return;
        }
        if (isHostedByKms == 1) {
            throw TencentErrors.NO_HOSTED_DATA_KEYS.exception();
        }
        throw TencentErrors.invalidValue("IsHostedByKms", "must be 0 or 1");
    }

    /** ReEncrypt's DestinationKeyId: empty for the ciphertext's own key. */
    static Optional<KeyId> destinationKeyId(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(KeyId.of(value));
    }

    /** A required base64 parameter's bytes; {@code invalid} when it is not base64. */
    static byte[] base64(String value, String name, Supplier<TencentException> invalid) {
        try {
            return Base64.getDecoder().decode(required(value, name));
        } catch (IllegalArgumentException e) {
            throw invalid.get();
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
