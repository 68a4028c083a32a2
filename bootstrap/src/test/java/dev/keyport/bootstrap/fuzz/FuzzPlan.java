package dev.keyport.bootstrap.fuzz;

import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.ARRAY;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.BASE64;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.CIPHERTEXT;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.ENUM;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.JSON_OBJECT;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.JSON_TEXT;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.KEY_ID;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.MATERIAL;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.NUMBER;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.SEQUENCE;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.TEXT;
import static dev.keyport.bootstrap.fuzz.HostileValues.Kind.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyport.bootstrap.fuzz.HostileValues.Hostile;
import dev.keyport.bootstrap.fuzz.KeyZoo.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every case of the fuzz: for each action of both APIs, a control (the valid request, which must succeed), then each
 * field given each hostile value in an otherwise valid request aimed at a real key, then damage to the whole body;
 * for Tencent also the same fields and odd parameter names through GET signed with v1.
 */
final class FuzzPlan {

    enum Vendor { TENCENT, HUAWEI }

    /**
     * How a case is sent: a JSON body through Tencent's SDK (TC3), a GET signed with v1, or bytes of any kind signed
     * by the test (Tencent: TC3; Huawei: SDK-HMAC-SHA256).
     */
    enum Transport {
        JSON, GET, RAW;

        String label(Vendor vendor) {
            return switch (this) {
                case JSON -> "sdk-json";
                case GET -> "get-v1";
                case RAW -> vendor == Vendor.TENCENT ? "tc3-bytes" : "aksk-bytes";
            };
        }
    }

    /** What a case's request may use: the worker's keys and their import parameters. */
    interface Ctx extends HostileValues.Context {

        KeyZoo.Held held(Role role);

        String uniqueAlias();
    }

    record Field(String path, HostileValues.Kind kind) {
    }

    /** One action: its wire name, its fields, and its valid request, built against the worker's keys. */
    record Action(Vendor vendor, String name, List<Field> fields, Function<Ctx, ObjectNode> valid) {
    }

    sealed interface Request permits Json, Raw, Get {
    }

    /** A JSON body, sent as text (Tencent: through the SDK's CommonClient). */
    record Json(String body) implements Request {
    }

    /** A body of any bytes under any content type, signed by the test. */
    record Raw(byte[] body, String contentType) implements Request {
    }

    /** The action's parameters as encoded query pairs; the common parameters and the v1 signature are added. */
    record Get(List<String[]> encodedPairs) implements Request {
    }

    /** One request of the fuzz, and what the report calls it. */
    record Case(Vendor vendor, Transport transport, String action, String field, String label, boolean control,
                boolean mustReach, Function<Ctx, Request> request) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENCENT_CONTENT_TYPE = "application/json; charset=utf-8";
    static final String HUAWEI_CONTENT_TYPE = "application/json;charset=UTF-8";
    static final String CONTEXT = "{\"k\":\"v\"}";
    static final String AAD = "fuzz-aad";
    static final String PRODUCT = "cvm";
    static final String RESOURCE = "ins-fuzz";
    private static final String SEQUENCE_VALUE = "919c82d4-8046-4722-9094-35c3c6524cff";
    /** encrypt-datakey's plain_text: 32 zero bytes and their SHA-256 digest, in hex. */
    private static final String ZERO_DATA_KEY_WITH_DIGEST = "00".repeat(32)
            + "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925";

    private FuzzPlan() {
    }

    // ----------------------------------------------------------------------------------------------- actions

    static List<Action> tencentActions() {
        Vendor t = Vendor.TENCENT;
        Field memberAccount = new Field("MemberAccount", JSON_OBJECT);
        return List.of(
                new Action(t, "CreateKey", List.of(new Field("Alias", TEXT), new Field("Description", TEXT),
                        new Field("KeyUsage", ENUM), new Field("Type", NUMBER), new Field("Tags", ARRAY),
                        new Field("Tags.0.TagKey", TEXT), new Field("Tags.0.TagValue", TEXT),
                        new Field("HsmClusterId", TEXT)),
                        c -> obj("Alias", c.uniqueAlias(), "Description", "fuzz", "KeyUsage", "ENCRYPT_DECRYPT",
                                "Type", 1, "Tags", arr(obj("TagKey", "k", "TagValue", "v")))),
                new Action(t, "DescribeKey", List.of(new Field("KeyId", KEY_ID), memberAccount),
                        c -> obj("KeyId", id(c, Role.KP_ENABLED))),
                new Action(t, "DescribeKeys", List.of(new Field("KeyIds", ARRAY), new Field("KeyIds.0", KEY_ID),
                        memberAccount),
                        c -> obj("KeyIds", arr(id(c, Role.KP_ENABLED), id(c, Role.EXT_ENABLED)))),
                new Action(t, "ListKeys", List.of(new Field("Offset", NUMBER), new Field("Limit", NUMBER),
                        new Field("Role", NUMBER), new Field("HsmClusterId", TEXT)),
                        c -> obj("Offset", 0, "Limit", 10, "Role", 0)),
                new Action(t, "ListKeyDetail", List.of(new Field("Offset", NUMBER), new Field("Limit", NUMBER),
                        new Field("Role", NUMBER), new Field("OrderType", NUMBER), new Field("KeyState", NUMBER),
                        new Field("SearchKeyAlias", TEXT), new Field("Origin", ENUM), new Field("KeyUsage", ENUM),
                        new Field("TagFilters", ARRAY), new Field("TagFilters.0.TagKey", TEXT),
                        new Field("TagFilters.0.TagValue", ARRAY), new Field("TagFilters.0.TagValue.0", TEXT),
                        new Field("HsmClusterId", TEXT), new Field("MemberAccounts", ARRAY)),
                        c -> obj("Offset", 0, "Limit", 10, "Role", 0, "OrderType", 0, "KeyState", 0,
                                "SearchKeyAlias", "fz", "Origin", "ALL", "KeyUsage", "ALL")),
                new Action(t, "GetParametersForImport", List.of(new Field("KeyId", KEY_ID),
                        new Field("WrappingAlgorithm", ENUM), new Field("WrappingKeySpec", ENUM)),
                        c -> obj("KeyId", id(c, Role.EXT_PENDING), "WrappingAlgorithm", "RSAES_OAEP_SHA_256",
                                "WrappingKeySpec", "RSA_2048")),
                new Action(t, "ImportKeyMaterial", List.of(new Field("EncryptedKeyMaterial", MATERIAL),
                        new Field("ImportToken", TOKEN), new Field("KeyId", KEY_ID), new Field("ValidTo", NUMBER)),
                        c -> obj("EncryptedKeyMaterial", c.held(Role.EXT_IMPORTABLE).wrapped(),
                                "ImportToken", c.held(Role.EXT_IMPORTABLE).token(),
                                "KeyId", id(c, Role.EXT_IMPORTABLE), "ValidTo", 0)),
                new Action(t, "DeleteImportedKeyMaterial", List.of(new Field("KeyId", KEY_ID), memberAccount),
                        c -> obj("KeyId", id(c, Role.EXT_ENABLED))),
                new Action(t, "EnableKey", List.of(new Field("KeyId", KEY_ID), memberAccount),
                        c -> obj("KeyId", id(c, Role.KP_DISABLED))),
                new Action(t, "DisableKey", List.of(new Field("KeyId", KEY_ID), memberAccount),
                        c -> obj("KeyId", id(c, Role.KP_ENABLED))),
                new Action(t, "ScheduleKeyDeletion", List.of(new Field("KeyId", KEY_ID),
                        new Field("PendingWindowInDays", NUMBER), memberAccount),
                        c -> obj("KeyId", id(c, Role.KP_DISABLED), "PendingWindowInDays", 7)),
                new Action(t, "CancelKeyDeletion", List.of(new Field("KeyId", KEY_ID), memberAccount),
                        c -> obj("KeyId", id(c, Role.KP_PENDING_DELETE))),
                new Action(t, "Encrypt", List.of(new Field("KeyId", KEY_ID), new Field("Plaintext", BASE64),
                        new Field("EncryptionContext", JSON_TEXT)),
                        c -> obj("KeyId", id(c, Role.KP_ENABLED), "Plaintext", "aGVsbG8=", "EncryptionContext",
                                CONTEXT)),
                new Action(t, "Decrypt", List.of(new Field("CiphertextBlob", CIPHERTEXT),
                        new Field("EncryptionContext", JSON_TEXT), new Field("EncryptionPublicKey", TEXT),
                        new Field("EncryptionAlgorithm", ENUM)),
                        c -> obj("CiphertextBlob", c.held(Role.CIPHER).blob(), "EncryptionContext", CONTEXT)),
                new Action(t, "GetServiceStatus", List.of(), c -> obj()),
                new Action(t, "EnableKeys", List.of(new Field("KeyIds", ARRAY), new Field("KeyIds.0", KEY_ID)),
                        c -> obj("KeyIds", arr(id(c, Role.KP_DISABLED)))),
                new Action(t, "DisableKeys", List.of(new Field("KeyIds", ARRAY), new Field("KeyIds.0", KEY_ID)),
                        c -> obj("KeyIds", arr(id(c, Role.KP_ENABLED)))),
                new Action(t, "ListAlgorithms", List.of(), c -> obj()),
                new Action(t, "UpdateAlias", List.of(new Field("KeyId", KEY_ID), new Field("Alias", TEXT)),
                        c -> obj("KeyId", id(c, Role.KP_ENABLED), "Alias", c.uniqueAlias())),
                new Action(t, "UpdateKeyDescription", List.of(new Field("KeyId", KEY_ID),
                        new Field("Description", TEXT)),
                        c -> obj("KeyId", id(c, Role.KP_ENABLED), "Description", "fuzz")),
                new Action(t, "GenerateDataKey", List.of(new Field("KeyId", KEY_ID), new Field("KeySpec", ENUM),
                        new Field("NumberOfBytes", NUMBER), new Field("EncryptionContext", JSON_TEXT),
                        new Field("EncryptionPublicKey", TEXT), new Field("EncryptionAlgorithm", ENUM),
                        new Field("IsHostedByKms", NUMBER), new Field("DataKeyName", TEXT),
                        new Field("Description", TEXT), new Field("HsmClusterId", TEXT), new Field("Tags", ARRAY)),
                        c -> obj("KeyId", id(c, Role.KP_ENABLED), "KeySpec", "AES_256", "NumberOfBytes", 32,
                                "EncryptionContext", CONTEXT, "IsHostedByKms", 0)),
                new Action(t, "GenerateRandom", List.of(new Field("NumberOfBytes", NUMBER)),
                        c -> obj("NumberOfBytes", 32)),
                new Action(t, "ReEncrypt", List.of(new Field("CiphertextBlob", CIPHERTEXT),
                        new Field("DestinationKeyId", KEY_ID), new Field("SourceEncryptionContext", JSON_TEXT),
                        new Field("DestinationEncryptionContext", JSON_TEXT)),
                        c -> obj("CiphertextBlob", c.held(Role.CIPHER).blob(), "DestinationKeyId",
                                id(c, Role.KP_ENABLED), "SourceEncryptionContext", CONTEXT,
                                "DestinationEncryptionContext", CONTEXT)),
                new Action(t, "BindCloudResource", List.of(new Field("KeyId", KEY_ID),
                        new Field("ProductId", TEXT), new Field("ResourceId", TEXT)),
                        c -> obj("KeyId", id(c, Role.KP_ENABLED), "ProductId", PRODUCT, "ResourceId", RESOURCE)),
                new Action(t, "UnbindCloudResource", List.of(new Field("KeyId", KEY_ID),
                        new Field("ProductId", TEXT), new Field("ResourceId", TEXT)),
                        c -> obj("KeyId", id(c, Role.BOUND), "ProductId", PRODUCT, "ResourceId", RESOURCE)));
    }

    static List<Action> huaweiActions() {
        Vendor h = Vendor.HUAWEI;
        Field sequence = new Field("sequence", SEQUENCE);
        Field keyId = new Field("key_id", KEY_ID);
        return List.of(
                new Action(h, "create-key", List.of(new Field("key_alias", TEXT), new Field("key_spec", ENUM),
                        new Field("key_usage", ENUM), new Field("key_description", TEXT), new Field("origin", ENUM),
                        new Field("enterprise_project_id", TEXT), sequence, new Field("keystore_id", TEXT),
                        new Field("vm_id", TEXT)),
                        c -> obj("key_alias", c.uniqueAlias(), "key_spec", "AES_256", "key_usage", "ENCRYPT_DECRYPT",
                                "key_description", "fuzz", "origin", "kms", "enterprise_project_id", "0",
                                "sequence", SEQUENCE_VALUE, "keystore_id", "0")),
                new Action(h, "describe-key", List.of(keyId, sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "sequence", SEQUENCE_VALUE)),
                new Action(h, "list-keys", List.of(new Field("limit", NUMBER), new Field("marker", NUMBER),
                        new Field("key_state", NUMBER), new Field("key_spec", ENUM),
                        new Field("enterprise_project_id", TEXT), sequence),
                        c -> obj("limit", "10", "marker", "0", "key_spec", "AES_256", "sequence", SEQUENCE_VALUE)),
                new Action(h, "get-parameters-for-import", List.of(keyId, new Field("wrapping_algorithm", ENUM),
                        sequence),
                        c -> obj("key_id", id(c, Role.EXT_PENDING), "wrapping_algorithm", "RSAES_OAEP_SHA_256",
                                "sequence", SEQUENCE_VALUE)),
                new Action(h, "import-key-material", List.of(keyId, new Field("import_token", TOKEN),
                        new Field("encrypted_key_material", MATERIAL), new Field("encrypted_privatekey", BASE64),
                        new Field("expiration_time", NUMBER), sequence),
                        c -> obj("key_id", id(c, Role.EXT_IMPORTABLE), "import_token",
                                c.held(Role.EXT_IMPORTABLE).token(), "encrypted_key_material",
                                c.held(Role.EXT_IMPORTABLE).wrapped(), "sequence", SEQUENCE_VALUE)),
                new Action(h, "delete-imported-key-material", List.of(keyId, sequence),
                        c -> obj("key_id", id(c, Role.EXT_ENABLED), "sequence", SEQUENCE_VALUE)),
                new Action(h, "enable-key", List.of(keyId, sequence),
                        c -> obj("key_id", id(c, Role.KP_DISABLED), "sequence", SEQUENCE_VALUE)),
                new Action(h, "disable-key", List.of(keyId, sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "sequence", SEQUENCE_VALUE)),
                new Action(h, "schedule-key-deletion", List.of(keyId, new Field("pending_days", NUMBER), sequence),
                        c -> obj("key_id", id(c, Role.KP_DISABLED), "pending_days", "7", "sequence",
                                SEQUENCE_VALUE)),
                new Action(h, "cancel-key-deletion", List.of(keyId, sequence),
                        c -> obj("key_id", id(c, Role.KP_PENDING_DELETE), "sequence", SEQUENCE_VALUE)),
                new Action(h, "encrypt-data", List.of(keyId, new Field("plain_text", TEXT),
                        new Field("encryption_algorithm", ENUM), new Field("additional_authenticated_data", TEXT),
                        new Field("encryption_context", JSON_OBJECT), sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "plain_text", "hello", "encryption_algorithm",
                                "SYMMETRIC_DEFAULT", "additional_authenticated_data", AAD, "sequence",
                                SEQUENCE_VALUE)),
                new Action(h, "decrypt-data", List.of(new Field("cipher_text", CIPHERTEXT),
                        new Field("encryption_algorithm", ENUM), keyId,
                        new Field("additional_authenticated_data", TEXT),
                        new Field("encryption_context", JSON_OBJECT), sequence),
                        c -> obj("cipher_text", c.held(Role.CIPHER_AAD).blob(), "encryption_algorithm",
                                "SYMMETRIC_DEFAULT", "key_id", id(c, Role.CIPHER_AAD), "additional_authenticated_data",
                                AAD, "sequence", SEQUENCE_VALUE)),
                new Action(h, "update-key-alias", List.of(keyId, new Field("key_alias", TEXT), sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "key_alias", c.uniqueAlias(), "sequence",
                                SEQUENCE_VALUE)),
                new Action(h, "update-key-description", List.of(keyId, new Field("key_description", TEXT),
                        sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "key_description", "fuzz", "sequence",
                                SEQUENCE_VALUE)),
                new Action(h, "create-datakey", List.of(keyId, new Field("key_spec", ENUM),
                        new Field("datakey_length", NUMBER), new Field("additional_authenticated_data", TEXT),
                        sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "key_spec", "AES_256", "datakey_length", "256",
                                "additional_authenticated_data", AAD, "sequence", SEQUENCE_VALUE)),
                new Action(h, "create-datakey-without-plaintext", List.of(keyId, new Field("key_spec", ENUM),
                        new Field("datakey_length", NUMBER), new Field("additional_authenticated_data", TEXT),
                        sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "key_spec", "AES_128", "datakey_length", "128",
                                "additional_authenticated_data", AAD, "sequence", SEQUENCE_VALUE)),
                new Action(h, "encrypt-datakey", List.of(keyId, new Field("plain_text", TEXT),
                        new Field("datakey_plain_length", NUMBER), new Field("additional_authenticated_data", TEXT),
                        sequence),
                        c -> obj("key_id", id(c, Role.KP_ENABLED), "plain_text", ZERO_DATA_KEY_WITH_DIGEST,
                                "datakey_plain_length", "32", "additional_authenticated_data", AAD, "sequence",
                                SEQUENCE_VALUE)),
                new Action(h, "decrypt-datakey", List.of(keyId, new Field("cipher_text", TEXT),
                        new Field("datakey_cipher_length", NUMBER), new Field("additional_authenticated_data", TEXT),
                        sequence),
                        c -> obj("key_id", id(c, Role.DATA_KEY_AAD), "cipher_text", c.held(Role.DATA_KEY_AAD).blob(),
                                "datakey_cipher_length", "32", "additional_authenticated_data", AAD, "sequence",
                                SEQUENCE_VALUE)),
                new Action(h, "gen-random", List.of(new Field("random_data_length", NUMBER), sequence),
                        c -> obj("random_data_length", "256", "sequence", SEQUENCE_VALUE)),
                new Action(h, "re-encrypt", List.of(new Field("source_key_id", KEY_ID),
                        new Field("source_additional_authenticated_data", TEXT),
                        new Field("source_encryption_algorithm", ENUM), new Field("destination_key_id", KEY_ID),
                        new Field("destination_additional_authenticated_data", TEXT),
                        new Field("destination_encryption_algorithm", ENUM),
                        new Field("datakey_cipher_length", NUMBER), new Field("cipher_text", TEXT), sequence),
                        c -> obj("source_key_id", id(c, Role.DATA_KEY_AAD), "source_additional_authenticated_data",
                                AAD, "source_encryption_algorithm", "SYMMETRIC_DEFAULT", "destination_key_id",
                                id(c, Role.KP_ENABLED), "destination_additional_authenticated_data", AAD,
                                "destination_encryption_algorithm", "SYMMETRIC_DEFAULT", "datakey_cipher_length",
                                "32", "cipher_text", c.held(Role.DATA_KEY_AAD).blob(), "sequence", SEQUENCE_VALUE)));
    }

    // ----------------------------------------------------------------------------------------------- cases

    /** The cases in units that one worker runs in order: one unit per action and field, and per transport. */
    static List<List<Case>> units() {
        List<List<Case>> units = new ArrayList<>();
        for (Action action : tencentActions()) {
            units.addAll(fieldUnits(action, Transport.JSON));
            units.addAll(fieldUnits(action, Transport.GET));
            units.add(oddNames(action));
            units.add(structural(action, action.name().equals("CreateKey"),
                    PARSE_LEVEL_ACTIONS.contains(action.name())));
        }
        for (Action action : huaweiActions()) {
            units.addAll(fieldUnits(action, Transport.RAW));
            units.add(structural(action, action.name().equals("create-key"),
                    PARSE_LEVEL_ACTIONS.contains(action.name())));
        }
        return units;
    }

    private static List<List<Case>> fieldUnits(Action action, Transport transport) {
        List<List<Case>> units = new ArrayList<>();
        List<Case> control = new ArrayList<>();
        control.add(new Case(action.vendor(), transport, action.name(), "-", "valid request", true, true,
                c -> request(action, transport, action.valid().apply(c))));
        units.add(control);
        for (Field field : action.fields()) {
            List<Case> unit = new ArrayList<>();
            if (transport == Transport.GET) {
                for (GetValue value : getValues()) {
                    unit.add(new Case(action.vendor(), transport, action.name(), field.path(), value.label(), false,
                            value.signable(), c -> {
                                ObjectNode valid = action.valid().apply(c);
                                String encoded = value.encoded().apply(c, Bodies.valueAt(valid, field.path()));
                                return new Get(Bodies.replaceEncoded(Bodies.flatten(valid), field.path(),
                                        encoded));
                            }));
                }
            } else {
                for (Hostile hostile : HostileValues.forKind(field.kind(), action.vendor())) {
                    unit.add(new Case(action.vendor(), transport, action.name(), field.path(), hostile.label(), false,
                            true, c -> {
                                ObjectNode valid = action.valid().apply(c);
                                String json = hostile.resolve(c, Bodies.valueAt(valid, field.path()));
                                return request(action, Bodies.withField(valid, field.path(), json));
                            }));
                }
            }
            units.add(unit);
        }
        return units;
    }

    private static Request request(Action action, Transport transport, ObjectNode valid) {
        return transport == Transport.GET ? new Get(Bodies.encodeAll(Bodies.flatten(valid)))
                : request(action, valid.toString());
    }

    private static Request request(Action action, String body) {
        return action.vendor() == Vendor.HUAWEI
                ? new Raw(body.getBytes(StandardCharsets.UTF_8), HUAWEI_CONTENT_TYPE) : new Json(body);
    }

    // ----------------------------------------------------------------------------------------------- GET values

    /** A GET value: its label, its encoded text given the field's valid value, and whether v1 can sign it. */
    record GetValue(String label, java.util.function.BiFunction<Ctx, JsonNode, String> encoded, boolean signable) {
    }

    /**
     * The values a query carries differently from JSON: numbers as text, encodings, metacharacters. A query has no
     * types, and beyond these the action sees what the same value through JSON gives it.
     */
    private static final List<String> GET_TEXTS = List.of("-1", "007", "0x10", "1e308", "1.5",
            "9223372036854775808", "", "\ud83d\udd11", "a\r\nb", "x\nINFO keyport.requests - forged", "%", "\\",
            "${jndi:ldap://127.0.0.1/x}");

    private static List<GetValue> getValues() {
        List<GetValue> values = new ArrayList<>();
        values.add(new GetValue("absent", (c, valid) -> null, true));
        for (String text : GET_TEXTS) {
            String encoded = Bodies.encode(text);
            values.add(new GetValue("string \"" + HostileValues.printable(text) + "\"", (c, valid) -> encoded, true));
        }
        String big = "a".repeat(30 * 1024);
        values.add(new GetValue("30 KB string", (c, valid) -> big, true));
        // bytes a form encoder never writes
        for (String raw : List.of("%FF", "%ED%A0%80", "%00", "+")) {
            values.add(new GetValue("encoded " + raw, (c, valid) -> raw, true));
        }
        return values;
    }

    /**
     * The field the name and structure cases put twice or damage: the action's first, or, for an action without
     * parameters (GetServiceStatus, ListAlgorithms), a name it does not take.
     */
    private static String firstField(Action action) {
        return action.fields().isEmpty() ? (action.vendor() == Vendor.TENCENT ? "Unexpected" : "unexpected")
                : action.fields().get(0).path();
    }

    /** Parameter names no client writes, added to the valid GET request. */
    private static List<Case> oddNames(Action action) {
        String first = firstField(action);
        List<String[]> names = new ArrayList<>();
        for (String name : List.of(".", "..", "a..b", "Tags.0.", "[]", "KeyIds[]", "KeyIds.", ".KeyIds",
                "KeyIds..0", "KeyIds.-1", "KeyIds.99999", "KeyIds.9999", "KeyIds.0.x", first + ".0", first + ".x",
                first + ".", "." + first, "_", "Tags_0_TagKey", "0", "1.2.3", "\u0000", "Action.x", "Version.0",
                first.toLowerCase(Locale.ROOT), "a".repeat(4000), "a.".repeat(2000) + "a")) {
            String label = name.length() < 30 ? HostileValues.printable(name) : name.contains(".")
                    ? "a.a.….a (" + name.split("\\.").length + " segments)" : name.length() + " letters";
            names.add(new String[] {Bodies.encode(name), "x", label});
        }
        List<Case> cases = new ArrayList<>();
        for (String[] name : names) {
            cases.add(new Case(action.vendor(), Transport.GET, action.name(), "parameter name", name[2], false, true,
                    c -> {
                        List<String[]> pairs = Bodies.encodeAll(Bodies.flatten(action.valid().apply(c)));
                        pairs.add(new String[] {name[0], name[1]});
                        return new Get(pairs);
                    }));
        }
        cases.add(new Case(action.vendor(), Transport.GET, action.name(), "parameter name", "empty name", false,
                true, c -> {
                    List<String[]> pairs = Bodies.encodeAll(Bodies.flatten(action.valid().apply(c)));
                    pairs.add(new String[] {"", "x"});
                    return new Get(pairs);
                }));
        cases.add(new Case(action.vendor(), Transport.GET, action.name(), "parameter name", "name without value",
                false, true, c -> {
                    List<String[]> pairs = Bodies.encodeAll(Bodies.flatten(action.valid().apply(c)));
                    pairs.add(new String[] {"Dangling", null});
                    return new Get(pairs);
                }));
        cases.add(new Case(action.vendor(), Transport.GET, action.name(), "parameter name",
                first + " twice, hostile first", false, true, c -> {
                    List<String[]> pairs = new ArrayList<>();
                    pairs.add(new String[] {Bodies.encode(first), "x"});
                    pairs.addAll(Bodies.encodeAll(Bodies.flatten(action.valid().apply(c))));
                    return new Get(pairs);
                }));
        cases.add(new Case(action.vendor(), Transport.GET, action.name(), "parameter name",
                first + " twice, hostile last", false, true, c -> {
                    List<String[]> pairs = Bodies.encodeAll(Bodies.flatten(action.valid().apply(c)));
                    pairs.add(new String[] {Bodies.encode(first), "x"});
                    return new Get(pairs);
                }));
        for (String raw : List.of("%", "%G1", "%0", "a%")) {
            cases.add(new Case(action.vendor(), Transport.GET, action.name(), first, "malformed escape " + raw, false,
                    false, c -> new Get(Bodies.replaceEncoded(Bodies.flatten(action.valid().apply(c)), first, raw))));
        }
        cases.add(new Case(action.vendor(), Transport.GET, action.name(), "query", "over 32 KB", false, false,
                c -> {
                    List<String[]> pairs = Bodies.encodeAll(Bodies.flatten(action.valid().apply(c)));
                    pairs.add(new String[] {"Padding", "a".repeat(33 * 1024)});
                    return new Get(pairs);
                }));
        return cases;
    }

    // ----------------------------------------------------------------------------------------------- structure

    /** Damage to the whole body: truncation, wrong top level, duplicates, nesting, encodings, content types. */
    /**
     * The actions that also get damage the JSON parser refuses before any action sees the body (the same code for
     * every action of a vendor): one that names no key, one that changes a key.
     */
    private static final java.util.Set<String> PARSE_LEVEL_ACTIONS = java.util.Set.of("ListKeys", "DisableKey",
            "list-keys", "disable-key");

    private static List<Case> structural(Action action, boolean withSizeLimit, boolean parseLevel) {
        Vendor vendor = action.vendor();
        String first = firstField(action);
        String keyField = vendor == Vendor.TENCENT ? "KeyId" : "key_id";
        String type = vendor == Vendor.TENCENT ? TENCENT_CONTENT_TYPE : HUAWEI_CONTENT_TYPE;
        List<Case> cases = new ArrayList<>();
        java.util.function.BiConsumer<String, Function<Ctx, byte[]>> add = (label, body) -> cases.add(new Case(
                vendor, Transport.RAW, action.name(), "body", label, false, false,
                c -> new Raw(body.apply(c), type)));
        Function<Ctx, String> valid = c -> action.valid().apply(c).toString();
        // the valid body through the test's own signer: it must be accepted, or the damaged ones prove little
        cases.add(new Case(vendor, Transport.RAW, action.name(), "-", "valid request", true, true,
                c -> new Raw(utf8(valid.apply(c)), type)));

        add.accept("valid body in an array", c -> utf8("[" + valid.apply(c) + "]"));
        add.accept("BOM + valid body", c -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                utf8(valid.apply(c))));
        add.accept(first + " twice, hostile first", c -> utf8("{\"" + first + "\":\"x\"," + valid.apply(c)
                .substring(1)));
        add.accept(first + " twice, hostile last", c -> utf8(dropLast(valid.apply(c)) + ",\"" + first
                + "\":\"x\"}"));
        add.accept(keyField + " twice, naming another key", c -> utf8(dropLast(valid.apply(c)) + ",\"" + keyField
                + "\":\"" + c.keyIdOf(Role.KP_PENDING_DELETE) + "\"}"));
        if (parseLevel) {
            for (String text : List.of("", "{", "}", "[]", "\"text\"", "1", "null", "true", "{}x", "{\"\":}",
                    "{\"a\" 1}", "{,}")) {
                add.accept("body " + (text.isEmpty() ? "empty" : text), c -> utf8(text));
            }
            add.accept("valid body cut in half", c -> utf8(half(valid.apply(c))));
            add.accept("valid body less its last character", c -> utf8(dropLast(valid.apply(c))));
            add.accept("valid body + trailing garbage", c -> utf8(valid.apply(c) + "x"));
            add.accept("valid body twice", c -> utf8(valid.apply(c) + valid.apply(c)));
            add.accept("valid body + NUL byte", c -> concat(utf8(valid.apply(c)), new byte[] {0}));
            add.accept("body nested 100000 arrays deep", c -> utf8("[".repeat(100_000) + "]".repeat(100_000)));
            add.accept("body nested 5000 objects deep",
                    c -> utf8("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
            add.accept("extra member nested 5000 arrays deep", c -> utf8(dropLast(valid.apply(c)) + ",\"Z\":"
                    + "[".repeat(5000) + "]".repeat(5000) + "}"));
            for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                    StandardCharsets.UTF_16, Charset.forName("UTF-32"))) {
                add.accept("valid body in " + charset.name(), c -> valid.apply(c).getBytes(charset));
            }
            for (byte[] damage : List.of(new byte[] {(byte) 0xff, (byte) 0xfe},
                    new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0x80}, new byte[] {0x01, 0x0a, 0x00})) {
                add.accept(first + " with raw bytes " + java.util.HexFormat.of().formatHex(damage),
                        c -> Bodies.withRawString(action.valid().apply(c), first, damage));
            }
            add.accept("single quotes", c -> utf8(valid.apply(c).replace('"', '\'')));
            add.accept("comment before the body", c -> utf8("/* c */" + valid.apply(c)));
            add.accept("line comment before the body", c -> utf8("// c\n" + valid.apply(c)));
            add.accept("trailing comma", c -> utf8(dropLast(valid.apply(c)) + ",}"));
            for (String literal : List.of("NaN", "Infinity", "-Infinity", "007", "0x10", "+1", ".5", "1.",
                    "undefined", "x", "'x'", "\"\\x41\"", "\"\\u12\"")) {
                add.accept(first + " = literal " + literal, c -> utf8(Bodies.withField(action.valid().apply(c),
                        first, literal)));
            }
        }
        for (String name : List.of("", "\\u0000", "a".repeat(10_000), first.toLowerCase(Locale.ROOT),
                first + " ")) {
            add.accept("extra member named " + (name.length() > 30 ? name.length() + " characters"
                    : "\"" + name + "\""), c -> utf8(dropLast(valid.apply(c)) + ",\"" + name + "\":\"x\"}"));
        }
        for (String contentType : List.of("text/plain", "application/json; charset=utf-16", "APPLICATION/JSON",
                "application/x-www-form-urlencoded", "", "application/json; charset=iso-8859-1")) {
            cases.add(new Case(vendor, Transport.RAW, action.name(), "Content-Type",
                    contentType.isEmpty() ? "none" : contentType, false, false,
                    c -> new Raw(utf8(valid.apply(c)), contentType)));
        }
        if (withSizeLimit) {
            int limit = vendor == Vendor.TENCENT ? 10 * 1024 * 1024 : 1024 * 1024;
            add.accept("body one byte over the size limit", c -> {
                String body = valid.apply(c);
                return utf8(dropLast(body) + " ".repeat(limit - body.length() + 1) + "}");
            });
            add.accept("body at the size limit", c -> {
                String body = valid.apply(c);
                return utf8(dropLast(body) + " ".repeat(limit - body.length()) + "}");
            });
        }
        return cases;
    }

    // ----------------------------------------------------------------------------------------------- helpers

    static ObjectNode obj(Object... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], node(keysAndValues[i + 1]));
        }
        return node;
    }

    static ArrayNode arr(Object... values) {
        ArrayNode node = JSON.createArrayNode();
        for (Object value : values) {
            node.add(node(value));
        }
        return node;
    }

    private static JsonNode node(Object value) {
        if (value instanceof JsonNode json) {
            return json;
        }
        if (value instanceof Integer number) {
            return JSON.getNodeFactory().numberNode(number);
        }
        return JSON.getNodeFactory().textNode((String) value);
    }

    private static String id(Ctx c, Role role) {
        return c.keyIdOf(role);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String half(String text) {
        return text.substring(0, text.length() / 2);
    }

    private static String dropLast(String text) {
        return text.substring(0, text.length() - 1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
