package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.createExternalKey;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.enabledExternalKey;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.parameters;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.wrap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.BindCloudResourceRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportResponse;
import com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionRequest;
import dev.keyport.adapter.tencent.TencentApiConfig.Lockout;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.domain.Region;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every field of every action, and the request's structure, given hostile values through correctly signed requests
 * (issue 10, point 4). Every answer is HTTP 200 in the envelope, never InternalError; nothing is logged at ERROR and
 * no stack trace; and a refused request stores no change (the repository counts every add, update and remove).
 */
class TencentFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "@@HOSTILE@@";
    private static final CountingRepository keys = new CountingRepository();
    private static TencentServer server;
    private static KmsClient kms;
    private static TestSigner signer;
    private static LogCapture log;
    private static final Map<String, Supplier<ObjectNode>> BASE = new LinkedHashMap<>();
    private static final AtomicInteger ALIASES = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        TencentApiConfig config = new TencentApiConfig(Region.of("ap-guangzhou"), 1_000_000, 1_000_000, Map.of())
                .withThrottles(Lockout.off(), Lockout.off());
        // one wrapping key per spec, generated once: a fuzz issues hundreds, and RSA_4096 takes seconds to make
        Map<WrappingKeySpec, WrappingKeyPair> pairs = new java.util.concurrent.ConcurrentHashMap<>();
        WrappingKeySource reused = (use, now) -> pairs.computeIfAbsent(use.spec(), s -> s.generate(new SecureRandom()));
        server = new TencentServer(Keyport.builder().clock(Clock.systemUTC())
                .storage(new dev.keyport.application.inmemory.InMemoryKeyStorage(keys,
                        new dev.keyport.application.inmemory.InMemoryAuditLog())).wrappingKeys(reused).build(),
                config, outcome -> { });
        kms = server.client();
        signer = server.signer();
        log = new LogCapture();
        bases();
    }

    @AfterAll
    static void stop() {
        log.close();
        server.close();
    }

    private static String alias() {
        return "fz-" + ALIASES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String generated() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias());
        return kms.CreateKey(create).getKeyId();
    }

    private static String disabled() throws Exception {
        String keyId = generated();
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        kms.DisableKey(disable);
        return keyId;
    }

    private static String enabledExternal() throws Exception {
        return enabledExternalKey(kms, alias());
    }

    private static ObjectNode object(Object... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    /** One valid request per action, each on keys of its own, so that what one action changes leaves the others. */
    private static void bases() throws Exception {
        BASE.put("CreateKey", () -> object("Alias", alias(), "Description", "fuzz", "KeyUsage", "ENCRYPT_DECRYPT",
                "Type", 1));
        String described = generated();
        BASE.put("DescribeKey", () -> object("KeyId", described));
        String other = generated();
        BASE.put("DescribeKeys", () -> object("KeyIds", List.of(described, other)));
        BASE.put("ListKeys", () -> object("Offset", 0, "Limit", 10, "Role", 0));
        BASE.put("ListKeyDetail", () -> object("Offset", 0, "Limit", 10, "Role", 0, "OrderType", 0, "KeyState", 0,
                "SearchKeyAlias", "fz", "Origin", "ALL", "KeyUsage", "ALL"));
        String pending = createExternalKey(kms, alias());
        BASE.put("GetParametersForImport", () -> object("KeyId", pending, "WrappingAlgorithm", "RSAES_OAEP_SHA_256",
                "WrappingKeySpec", "RSA_2048"));
        String importing = createExternalKey(kms, alias());
        GetParametersForImportResponse parameters = parameters(kms, importing, "RSAES_OAEP_SHA_256");
        String wrapped = wrap("RSAES_OAEP_SHA_256", parameters.getPublicKey(), new byte[32]);
        BASE.put("ImportKeyMaterial", () -> object("KeyId", importing, "ImportToken", parameters.getImportToken(),
                "EncryptedKeyMaterial", wrapped, "ValidTo", 0));
        String emptied = enabledExternal();
        BASE.put("DeleteImportedKeyMaterial", () -> object("KeyId", emptied));
        String toEnable = disabled();
        BASE.put("EnableKey", () -> object("KeyId", toEnable));
        String toDisable = generated();
        BASE.put("DisableKey", () -> object("KeyId", toDisable));
        String toSchedule = disabled();
        BASE.put("ScheduleKeyDeletion", () -> object("KeyId", toSchedule, "PendingWindowInDays", 7));
        String toCancel = disabled();
        ScheduleKeyDeletionRequest schedule = new ScheduleKeyDeletionRequest();
        schedule.setKeyId(toCancel);
        schedule.setPendingWindowInDays(7L);
        kms.ScheduleKeyDeletion(schedule);
        BASE.put("CancelKeyDeletion", () -> object("KeyId", toCancel));
        String crypto = generated();
        BASE.put("Encrypt", () -> object("KeyId", crypto, "Plaintext", "aGVsbG8=", "EncryptionContext", "{\"a\":\"b\"}"));
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(crypto);
        encrypt.setPlaintext("aGVsbG8=");
        encrypt.setEncryptionContext("{\"a\":\"b\"}");
        String blob = kms.Encrypt(encrypt).getCiphertextBlob();
        BASE.put("Decrypt", () -> object("CiphertextBlob", blob, "EncryptionContext", "{\"a\":\"b\"}"));
        BASE.put("GenerateDataKey", () -> object("KeyId", crypto, "KeySpec", "AES_256", "NumberOfBytes", 32,
                "EncryptionContext", "{\"a\":\"b\"}", "IsHostedByKms", 0));
        BASE.put("GenerateRandom", () -> object("NumberOfBytes", 32));
        BASE.put("GetServiceStatus", () -> object());
        String batchDisabled = disabled();
        BASE.put("EnableKeys", () -> object("KeyIds", List.of(batchDisabled)));
        String batchEnabled = generated();
        BASE.put("DisableKeys", () -> object("KeyIds", List.of(batchEnabled)));
        BASE.put("ListAlgorithms", () -> object());
        String renamed = generated();
        BASE.put("UpdateAlias", () -> object("KeyId", renamed, "Alias", alias()));
        BASE.put("UpdateKeyDescription", () -> object("KeyId", renamed, "Description", "fuzz"));
        String destination = generated();
        BASE.put("ReEncrypt", () -> object("CiphertextBlob", blob, "DestinationKeyId", destination,
                "SourceEncryptionContext", "{\"a\":\"b\"}", "DestinationEncryptionContext", "{\"c\":\"d\"}"));
        String toBind = generated();
        BASE.put("BindCloudResource", () -> object("KeyId", toBind, "ProductId", "ssm", "ResourceId", "r-1"));
        String bound = generated();
        BindCloudResourceRequest bind = new BindCloudResourceRequest();
        bind.setKeyId(bound);
        bind.setProductId("ssm");
        bind.setResourceId("r-2");
        kms.BindCloudResource(bind);
        BASE.put("UnbindCloudResource", () -> object("KeyId", bound, "ProductId", "ssm", "ResourceId", "r-2"));
        assertThat(BASE.keySet()).containsExactlyInAnyOrderElementsOf(TencentActions.ALL.keySet());
    }

    /** Each a JSON value, as text: types, sizes, unicode, control characters, numbers out of range, structures. */
    static List<String> hostileValues() {
        List<String> values = new ArrayList<>(List.of(
                "null", "true", "false", "0", "-0", "1", "-1", "7", "30", "31", "200", "201", "1096",
                "2147483647", "2147483648", "-2147483648", "-2147483649", "2147443200", "2147443201",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "123456789012345678901234567890", "1.5", "0.0", "-0.0", "1e3", "1E400", "-1e400", "1e-400",
                "3.4028235e38", "0.1e1", "00", "\"\"", "\" \"", "\"a\"", "\"0\"", "\"-1\"", "\"7\"", "\" 7\"",
                "\"7 \"", "\"+7\"", "\"0007\"", "\"1e3\"", "\"0x10\"", "\"1.5\"", "\"NaN\"", "\"Infinity\"",
                "\"9223372036854775808\"", "\"99999999999999999999999\"", "\"true\"", "\"null\"",
                "\"\\u0000\"", "\"a\\u0000b\"", "\"\\n\"", "\"line\\nforged=1\"", "\"\\r\\n\"", "\"\\t\"",
                "\"\\u001b[31mred\"", "\"\\u007f\"", "\"%0A\"", "\"%00\"", "\"..\"", "\"/\"", "\"\\\\\"",
                "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"%s%n%x\"",
                "\"😀\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\udc00\"", "\"a\\ud800b\"", "\"\\uffff\"",
                "\"\\ufeff\"", "\"\\u202e\"", "\"e\\u0301\"", "\"密钥\"", "\"ＡＢＣ\"", "\"kms-\"", "\"alias/x\"",
                "\"" + UUID.randomUUID() + "\"", "\"" + UUID.randomUUID().toString().toUpperCase() + "\"",
                "\" " + UUID.randomUUID() + " \"", "\"" + UUID.randomUUID() + "\\n\"",
                "\"5eed0000-0000-4000-8000-000000000001\"", "\"aGk=\"", "\"aGk\"", "\"!!!\"", "\"====\"",
                "\"AAAA\"", "\"" + Base64.getEncoder().encodeToString(new byte[4097]) + "\"",
                "\"" + Base64.getEncoder().encodeToString(new byte[256]) + "\"", "\"{}\"", "\"{\\\"a\\\":1}\"",
                "\"[]\"", "\"{\\\"a\\\":1,\\\"a\\\":2}\"", "\"{\\\"a\\\":1}x\"", "\"" + "{".repeat(2000) + "\"",
                "\"" + "x".repeat(1025) + "\"", "\"" + "y".repeat(64 * 1024) + "\"",
                "[]", "[null]", "[\"a\"]", "[1]", "[[]]", "[{}]", "[\"a\",\"a\"]", "{}", "{\"a\":1}",
                "{\"KeyId\":\"x\"}", "[" + "\"" + UUID.randomUUID() + "\",".repeat(100) + "\"x\"]",
                "[" + "\"z\",".repeat(10_000) + "\"z\"]", "[" + "[".repeat(500) + "]".repeat(500) + "]",
                "{\"TagKey\":\"k\",\"TagValue\":\"v\"}", "[{\"TagKey\":\"k\",\"TagValue\":\"v\"}]",
                "[{\"TagKey\":null}]", "[{\"Bogus\":1}]", "[{\"TagKey\":[1]}]", "-7", "6", "8", "29", "1.0",
                "\"\\u2028\"", "\"\\u0085\"", "\"%\"", "\"%zz\"", "\"+\"", "\"&\"", "\"=\"", "\";\"", "\"#\"",
                "\"?\"", "\"KeyId=x&Action=DisableKey\"", "\"RSAES_OAEP_SHA_256\"", "\"rsaes_oaep_sha_256\"",
                "\"RSA_2048\"", "\"RSA_4096\"", "\"ENCRYPT_DECRYPT\"", "\"ASYMMETRIC_DECRYPT_RSA_2048\"",
                "\"EXTERNAL\"", "\"TENCENT_KMS\"", "\"ALL\""));
        values.add("\"" + "x".repeat(300_000) + "\"");
        return values;
    }

    /** Broken requests as a whole: the body itself, not a field. */
    static List<byte[]> structuralDamage(String action) {
        List<byte[]> bodies = new ArrayList<>();
        String valid = BASE.get(action).get().toString();
        for (String text : new String[] {"", " ", "{", "}", "[]", "[{}]", "\"text\"", "42", "null", "true",
                valid.substring(0, valid.length() / 2), valid + "x", valid + valid, valid + "{}", "{,}",
                "{\"a\":}", "{\"a\" 1}", "{'KeyId':'x'}", "{KeyId:1}", "{\"a\":1,}", "// c\n{}", "{\"a\":NaN}",
                "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"raw\ncontrol\"}",
                "{\"Bogus\":1}", "{\"keyId\":\"x\"}", "{\"KEYID\":\"x\"}",
                "{\"a\":" + "[".repeat(1100) + "]".repeat(1100) + "}",
                "{\"a\":" + "{\"a\":".repeat(1100) + "1" + "}".repeat(1100) + "}",
                valid.replaceFirst("\\{", "{\"Dup\":1,\"Dup\":1,"), "{\"a\":\"" + "z".repeat(5_000_000) + "\"}"}) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8));
        bodies.add(valid.getBytes(StandardCharsets.UTF_16));
        bodies.add(valid.getBytes(StandardCharsets.UTF_16LE));
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
        return bodies;
    }

    private static List<String> fields(String action) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : TencentActions.ALL.get(action).requestType().getRecordComponents()) {
            fields.add(Character.toUpperCase(component.getName().charAt(0)) + component.getName().substring(1));
        }
        fields.add("Unknown");
        return fields;
    }

    private final Map<String, Integer> codes = new TreeMap<>();
    private int sent;

    /** Sends one request and checks the answer, the log and that a refusal stored no change. */
    private void check(String what, Sender sender) throws Exception {
        long changesBefore = keys.changes.get();
        int problemsBefore = log.errorsAndStackTraces().size();
        HttpResponse<String> response = sender.send();
        sent++;
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        JsonNode envelope = JSON.readTree(response.body()).get("Response");
        assertThat(envelope).as(what + " → " + response.body()).isNotNull();
        assertThat(envelope.path("RequestId").asText()).as(what).isNotEmpty();
        String code = envelope.path("Error").path("Code").asText();
        codes.merge(code.isEmpty() ? "(success)" : code, 1, Integer::sum);
        assertThat(code).as(what + " → " + response.body()).isNotEqualTo("InternalError");
        List<String> problems = log.errorsAndStackTraces();
        assertThat(problems.subList(problemsBefore, problems.size())).as(what).isEmpty();
        if (!code.isEmpty()) {
            assertThat(keys.changes.get()).as(what + " was refused (" + code + ") and stored no change")
                    .isEqualTo(changesBefore);
        }
    }

    interface Sender {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> post(String action, byte[] body) throws Exception {
        TestSigner.Tc3Post post = signer.tc3(action, "");
        if (action.equals("CreateKey")) {
            post.region = "ap-shanghai"; // the keys it creates stay out of the other actions' lists
        }
        return signer.sendBytes(post, body);
    }

    private static String describe(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "… (" + text.length() + " chars)" : text;
    }

    @Test
    void everyFieldOfEveryActionWithHostileValues() throws Exception {
        List<String> values = hostileValues();
        assertThat(values.size()).isGreaterThanOrEqualTo(130);
        Map<String, Long> millis = new LinkedHashMap<>();
        for (String action : BASE.keySet()) {
            long started = System.nanoTime();
            for (String field : fields(action)) {
                // an unknown name is refused before its value is read: a few values are enough there
                for (String value : field.equals("Unknown") ? values.subList(0, 5) : values) {
                    ObjectNode body = BASE.get(action).get();
                    body.put(field, HOSTILE);
                    String json = body.toString().replace("\"" + HOSTILE + "\"", value);
                    check(action + " " + field + "=" + describe(value),
                            () -> post(action, json.getBytes(StandardCharsets.UTF_8)));
                }
                ObjectNode without = BASE.get(action).get();
                without.remove(field);
                check(action + " without " + field, () -> post(action, without.toString().getBytes(StandardCharsets.UTF_8)));
            }
            for (byte[] damaged : structuralDamage(action)) {
                check(action + " body " + describe(new String(damaged, StandardCharsets.ISO_8859_1)),
                        () -> post(action, damaged));
            }
            millis.put(action, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("TencentFuzzTest: " + values.size() + " hostile values, " + structuralDamage("ListKeys").size()
                + " broken bodies; " + sent + " JSON requests, answers " + codes + ", ms " + millis);
        assertThat(sent).isGreaterThan(9_000);
    }

    @Test
    void everyFieldAndHostileNamesThroughV1Parameters() throws Exception {
        List<String> strings = new ArrayList<>();
        for (String value : hostileValues()) {
            JsonNode node;
            try {
                node = JSON.readTree(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                continue; // not JSON on purpose (00, -0 …): the JSON test sends those
            }
            if (node.isValueNode() && !node.isNull() && value.length() < 20_000) {
                strings.add(node.asText());
            }
        }
        // every other one: form parameters reach the same actions as strings; the JSON test sends them all
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < strings.size(); i += 2) {
            sample.add(strings.get(i));
        }
        strings = sample;
        for (String action : BASE.keySet()) {
            for (String field : fields(action)) {
                for (String value : field.equals("Unknown") ? strings.subList(0, 5) : strings) {
                    Map<String, String> params = signer.v1Common(action, "HmacSHA256");
                    if (action.equals("CreateKey")) {
                        params.put("Region", "ap-shanghai");
                    }
                    flatten("", BASE.get(action).get(), params);
                    params.keySet().removeIf(k -> k.equals(field) || k.startsWith(field + "."));
                    params.put(field, value);
                    check("v1 " + action + " " + field + "=" + describe(value), () -> signer.get(
                            signer.v1QueryAsIs("GET", "HmacSHA256", params)));
                }
            }
        }
        signer.encodeNames = true;
        try {
            for (String name : new String[] {".", "..", "...", "a.", ".a", "a..b", "KeyIds.", "KeyIds.0.", "KeyIds.-1",
                    "KeyIds.00", "KeyIds.99999", "KeyIds.9999", "KeyIds.0.0", "KeyIds.x", "Tags.0.TagKey.0",
                    "0", "0.0", "a.b.c.d.e.f.g.h", "x".repeat(1000), "Key Id", "KeyId\n", "\u0000", "密钥", "%",
                    "KeyId[]", "KeyIds[0]", "=", "&", "Signature.0", "SecretId.0", "Action.0", "Limit.0"}) {
                for (String action : new String[] {"DescribeKeys", "CreateKey", "ListKeyDetail"}) {
                    Map<String, String> params = signer.v1Common(action, "HmacSHA256");
                    flatten("", BASE.get(action).get(), params);
                    params.put(name, "x");
                    check("v1 " + action + " name " + describe(name), () -> signer.get(
                            signer.v1QueryAsIs("GET", "HmacSHA256", params)));
                }
            }
        } finally {
            signer.encodeNames = false;
        }
        System.out.println("TencentFuzzTest: " + sent + " v1 requests, answers " + codes);
        assertThat(sent).isGreaterThan(3_500);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), into);
            }
        } else {
            into.put(prefix, node.asText());
        }
    }
}
