package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.testing.TestKeys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every field of every operation Keyport serves, with ~110 hostile values each (wrong types, sizes, unicode, control
 * characters, numbers out of range, nested structures, nulls, huge strings, broken JSON), plus bodies damaged as a
 * whole, all signed correctly, on the in-memory store. Every answer is in Huawei's shape with an
 * {@code X-Request-Id}; none is a 5xx or {@code KMS.0101}; nothing is logged at ERROR and no stack trace is logged;
 * a refused request makes no write to the store.
 */
class HuaweiAdapterFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("^(KMS|APIGW|KEYPORT)\\.[0-9]{4}$");
    private static final String UUID_LIKE = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";

    /** Raw JSON text put where a field's value goes; some of it is not JSON at all. */
    static final List<String> HOSTILE = hostileValues();

    private static List<String> hostileValues() {
        List<String> values = new ArrayList<>(List.of(
                // types
                "null", "true", "false", "0", "-0", "1", "-1", "1.5", "-0.0", "1e3", "1E-7", "1e308", "-1e308",
                "1e309", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999999",
                "1" + "0".repeat(1200), "0." + "1".repeat(1200), "[]", "[1]", "[\"a\"]", "[[[]]]", "[null]", "{}",
                "{\"a\":1}", "{\"a\":{\"b\":{\"c\":{}}}}", "{\"key_id\":\"" + UUID_LIKE + "\"}",
                "[" .repeat(500) + "]".repeat(500), "[".repeat(2000) + "]".repeat(2000),
                "{\"a\":".repeat(600) + "1" + "}".repeat(600),
                // strings: empty, blank, control characters, unicode
                "\"\"", "\" \"", "\"\\u0000\"", "\"\\n\"", "\"\\r\\n\"", "\"\\t\"", "\"a\\u0000b\"", "\"\\u001b[31m\"",
                "\"\\u007f\"", "\"\\u0085\"", "\"\\u2028\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud83d\\ude00\"",
                "\"\u00e9\"", "\"\u5b57\"", "\"\uff21\uff22\uff23\"", "\"\\u202e" + "abc\"", "\"\\u200b\"",
                "\"\\ufeff\"", "\"\\uffff\"", "\"%00\"", "\"%0A\"", "\"../../etc/passwd\"", "\"<script>\"",
                "\"' OR 1=1 --\"", "\"${jndi:ldap://x}\"", "\"{{7*7}}\"", "\"\\\\\"", "\"\\\"\"", "\"\\u0041\"",
                // strings a field might half expect
                "\"alias/x\"", "\"ALL\"", "\"all\"", "\"AES_256\"", "\"SM4\"", "\"RSA_2048\"", "\"HMAC_256\"",
                "\"kms\"", "\"external\"", "\"EXTERNAL\"", "\"KMS\"", "\"SYMMETRIC_DEFAULT\"",
                "\"RSAES_OAEP_SHA_1\"", "\"SM2_ENCRYPT\"", "\"SIGN_VERIFY\"", "\"0\"", "\"-1\"", "\"1e3\"",
                "\"0x1F\"", "\"007\"", "\" 7\"", "\"7 \"", "\"+7\"", "\"6\"", "\"7\"", "\"1096\"", "\"1097\"",
                "\"5\"", "\"9\"", "\"2147483648\"", "\"9223372036854775807\"", "\"9223372036854775808\"",
                "\"-9223372036854775808\"", "\"99999999999999999999\"", "\"NaN\"", "\"Infinity\"", "\"true\"",
                "\"null\"", "\"" + UUID.randomUUID() + "\"", "\"" + UUID_LIKE.toUpperCase() + "\"",
                "\"" + UUID_LIKE.replace("-", "") + "\"", "\"" + "-".repeat(36) + "\"", "\"" + UUID_LIKE + "x\"",
                "\"" + "x".repeat(255) + "\"", "\"" + "x".repeat(256) + "\"", "\"" + "x".repeat(4096) + "\"",
                "\"" + "x".repeat(4097) + "\"", "\"" + "\u5b57".repeat(2000) + "\"", "\"" + "y".repeat(100_000) + "\"",
                "\"AAAA\"", "\"====\"", "\"Zm9v\"", "\"Zm9v!\"", "\"" + "A".repeat(344) + "\"",
                "\"" + "A".repeat(6145) + "\"", "\"" + "QUFB".repeat(300) + "\"",
                // not JSON at all
                "NaN", "Infinity", "0x10", "'single'", "undefined", "\"unterminated", "01", "+1", ".5", "1.",
                "\"\u0001raw control\"", "tru", "nul", "{\"a\"}", "[1,]", "{\"a\":1,}"));
        return List.copyOf(values);
    }

    /** Whole bodies that are damaged, as bytes. */
    private static List<byte[]> damagedBodies() {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "{", "}", "[]", "null", "123", "\"str\"", "{}{}", "{} x", "{\"a\":1,}",
                "{'a':1}", "{a:1}", "/*c*/{}", "{\"key_id\":\"x\"", "\u0000{}", "{\"key_id\":\"" + UUID_LIKE
                        + "\",\"key_id\":\"" + UUID_LIKE + "\"}", "{\"a\":{\"b\":1,\"b\":2}}", "[{}]",
                "{\"key_id\":" + "[".repeat(5000) + "}", "\ufeff{}", "{\"\":\"\"}", "{\"key_id\\u0000\":1}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'});
        bodies.add("{\"key_id\":\"x\"}".getBytes(StandardCharsets.UTF_16LE));
        bodies.add("{\"key_id\":\"x\"}".getBytes(StandardCharsets.UTF_16));
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'});
        bodies.add(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd});
        byte[] tooBig = new byte[HuaweiApi.BODY_LIMIT + 10];
        java.util.Arrays.fill(tooBig, (byte) ' ');
        tooBig[0] = '{';
        tooBig[tooBig.length - 1] = '}';
        bodies.add(tooBig);
        return bodies;
    }

    private HuaweiServer server;
    private int alias;
    private final List<String> problems = new ArrayList<>();
    private final CountingRepository store = new CountingRepository();

    /** The in-memory store, counting every write: a refused request must make none. */
    static final class CountingRepository extends DelegatingKeyRepository {

        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void add(Cmk key) {
            super.add(key);
            writes.incrementAndGet();
        }

        @Override
        public void update(Cmk key) {
            super.update(key);
            writes.incrementAndGet();
        }

        @Override
        public void remove(Cmk key) {
            super.remove(key);
            writes.incrementAndGet();
        }
    }
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void noHostileValueInAnyFieldOfAnyOperationGetsAnInternalErrorOrChangesState() throws Exception {
        long started = System.nanoTime();
        int requests = 0;
        try (LogCapture log = new LogCapture()) {
            server = new HuaweiServer(Keyport.builder().clock(Clock.systemUTC()).storage(HuaweiServer.storage(store))
                    .wrappingKeys((use, now) -> TestKeys.WRAPPING_KEY), new HuaweiApiConfig(1_000_000, Map.of()),
                    System::nanoTime);
            try {
                Map<String, Map<String, String>> operations = operations();
                for (Map.Entry<String, Map<String, String>> operation : operations.entrySet()) {
                    for (String field : operation.getValue().keySet()) {
                        Map<String, String> without = new LinkedHashMap<>(operation.getValue());
                        without.remove(field);
                        check(operation.getKey(), field + " absent", render(without));
                        requests++;
                        for (String value : HOSTILE) {
                            Map<String, String> body = new LinkedHashMap<>(operation.getValue());
                            body.put(field, value);
                            check(operation.getKey(), field + "=" + abbreviate(value), render(body));
                            requests++;
                        }
                    }
                    for (byte[] damaged : damagedBodies()) {
                        check(operation.getKey(), "damaged " + abbreviate(new String(damaged,
                                StandardCharsets.ISO_8859_1)), damaged);
                        requests++;
                    }
                }
                for (String notServed : List.of("create-grant", "gen-random", "create-datakey")) {
                    for (byte[] damaged : damagedBodies()) {
                        check(notServed, "damaged", damaged);
                        requests++;
                    }
                }
            } finally {
                server.close();
            }
            assertThat(problems).as(problems.size() + " problems in " + requests + " requests").isEmpty();
            assertThat(log.errorsAndStackTraces()).as("ERROR lines and stack traces in the log").isEmpty();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000_000L;
        System.out.println("HuaweiAdapterFuzzTest: " + requests + " requests in " + seconds + " s (the test JVM has "
                + "used " + cpu + " s of CPU so far), by outcome: " + outcomes);
        assertThat(outcomes.keySet()).as("the fuzz reaches past validation").contains("200", "400 KMS.0202",
                "400 KMS.0206", "404 KMS.0207");
    }

    /** Sends one signed request and checks its answer and the store. */
    private void check(String operation, String what, byte[] body) throws Exception {
        int writesBefore = store.writes.get();
        HuaweiSigner.Post post = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, operation, "");
        post.bodyBytes = body;
        HttpResponse<String> response = HuaweiSigner.send(server.port(),
                HuaweiSigner.sign(post, HuaweiServer.AK, HuaweiServer.SK));
        String where = operation + " " + what + ": " + response.statusCode() + " " + abbreviate(response.body());
        int status = response.statusCode();
        if (status >= 500) {
            problems.add("a 5xx: " + where);
        }
        if (response.headers().firstValue("X-Request-Id").isEmpty()) {
            problems.add("no X-Request-Id: " + where);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (Exception e) {
            problems.add("not JSON: " + where);
            return;
        }
        if (status == 200) {
            outcomes.merge("200", 1, Integer::sum);
            return;
        }
        JsonNode error = json.has("error") ? json.path("error") : json;
        String code = error.path("error_code").asText();
        if (!CODE.matcher(code).matches() || error.path("error_msg").asText().isBlank()) {
            problems.add("not Huawei's error shape: " + where);
        }
        if (json.has("error") != code.startsWith("KMS.") && !code.startsWith("KEYPORT.")
                || !json.has("error") && json.path("request_id").asText().isEmpty()) {
            problems.add("a gateway code in KMS's shape or the reverse: " + where);
        }
        if (code.equals("KMS.0101")) {
            problems.add("KMS.0101: " + where);
        }
        outcomes.merge(status + " " + code, 1, Integer::sum);
        if (store.writes.get() != writesBefore) {
            problems.add("a refused request wrote to the store: " + where);
        }
    }

    private byte[] render(Map<String, String> fields) {
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, value) -> body.append(body.length() == 1 ? "" : ",").append('"').append(name)
                .append("\":").append(value.equals("@ALIAS@") ? "\"fuzz-" + (alias++) + "\"" : value));
        return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…(" + flat.length() + ")";
    }

    // ------------------------------------------------------------------------------ valid bodies to start from

    private String call(String operation, String body) throws Exception {
        HttpResponse<String> response = HuaweiProtocolTest.signedPost(server, operation, body);
        assertThat(response.statusCode()).as(operation + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String createKey(String extra) throws Exception {
        return JSON.readTree(call("create-key", "{\"key_alias\":\"base-" + (alias++) + "\"" + extra + "}"))
                .path("key_info").path("key_id").asText();
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    /** Each operation with a valid body: its fields in order, as raw JSON. */
    private Map<String, Map<String, String>> operations() throws Exception {
        String enabled = createKey("");
        String toDisable = createKey("");
        String toSchedule = createKey("");
        String disabled = createKey("");
        call("disable-key", "{\"key_id\":\"" + disabled + "\"}");
        String pendingDelete = createKey("");
        call("schedule-key-deletion", "{\"key_id\":\"" + pendingDelete + "\",\"pending_days\":\"7\"}");
        String pendingImport = createKey(",\"origin\":\"external\"");
        JsonNode parameters = JSON.readTree(call("get-parameters-for-import", "{\"key_id\":\"" + pendingImport
                + "\",\"wrapping_algorithm\":\"RSAES_OAEP_SHA_256\"}"));
        String token = parameters.path("import_token").asText();
        String wrapped = HuaweiSdkLifecycleTest.wrap(parameters.path("public_key").asText(), new byte[32]);
        String withMaterial = createKey(",\"origin\":\"external\"");
        JsonNode more = JSON.readTree(call("get-parameters-for-import", "{\"key_id\":\"" + withMaterial
                + "\",\"wrapping_algorithm\":\"RSAES_OAEP_SHA_256\"}"));
        call("import-key-material", "{\"key_id\":\"" + withMaterial + "\",\"import_token\":\""
                + more.path("import_token").asText() + "\",\"encrypted_key_material\":\""
                + HuaweiSdkLifecycleTest.wrap(more.path("public_key").asText(), new byte[32]) + "\"}");
        String cipher = JSON.readTree(call("encrypt-data", "{\"key_id\":\"" + enabled
                + "\",\"plain_text\":\"hello\",\"additional_authenticated_data\":\"aad\"}")).path("cipher_text")
                .asText();
        String sequence = q(UUID.randomUUID().toString());
        String dataKeyCipher = JSON.readTree(call("create-datakey", "{\"key_id\":\"" + enabled
                + "\",\"datakey_length\":\"256\",\"additional_authenticated_data\":\"aad\"}"))
                .path("cipher_text").asText();
        String target = createKey("");
        String dataKeyWithDigest = "00".repeat(32)
                + "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925";

        Map<String, Map<String, String>> operations = new LinkedHashMap<>();
        operations.put("create-key", fields("key_alias", "@ALIAS@", "key_spec", q("AES_256"), "key_usage",
                q("ENCRYPT_DECRYPT"), "key_description", q("d"), "origin", q("kms"), "enterprise_project_id", q("0"),
                "sequence", sequence, "keystore_id", q("0")));
        operations.put("describe-key", fields("key_id", q(enabled), "sequence", sequence));
        operations.put("list-keys", fields("limit", q("10"), "marker", q("0"), "key_state", q("2"), "key_spec",
                q("ALL"), "enterprise_project_id", q("all"), "sequence", sequence));
        operations.put("get-parameters-for-import", fields("key_id", q(pendingImport), "wrapping_algorithm",
                q("RSAES_OAEP_SHA_256"), "sequence", sequence));
        operations.put("encrypt-data", fields("key_id", q(enabled), "plain_text", q("hello"),
                "encryption_algorithm", q("SYMMETRIC_DEFAULT"), "additional_authenticated_data", q("aad"),
                "sequence", sequence, "encryption_context", "null"));
        operations.put("decrypt-data", fields("cipher_text", q(cipher), "encryption_algorithm",
                q("SYMMETRIC_DEFAULT"), "key_id", q(enabled), "additional_authenticated_data", q("aad"), "sequence",
                sequence, "encryption_context", "null"));
        operations.put("create-datakey", fields("key_id", q(enabled), "key_spec", q("AES_256"), "datakey_length",
                q("256"), "additional_authenticated_data", q("aad"), "sequence", sequence));
        operations.put("create-datakey-without-plaintext", fields("key_id", q(enabled), "key_spec", q("AES_128"),
                "datakey_length", q("128"), "additional_authenticated_data", q("aad"), "sequence", sequence));
        operations.put("encrypt-datakey", fields("key_id", q(enabled), "plain_text", q(dataKeyWithDigest),
                "datakey_plain_length", q("32"), "additional_authenticated_data", q("aad"), "sequence", sequence));
        operations.put("decrypt-datakey", fields("key_id", q(enabled), "cipher_text", q(dataKeyCipher),
                "datakey_cipher_length", q("32"), "additional_authenticated_data", q("aad"), "sequence", sequence));
        operations.put("update-key-alias", fields("key_id", q(target), "key_alias", "@ALIAS@", "sequence", sequence));
        operations.put("update-key-description", fields("key_id", q(target), "key_description", q("d"), "sequence",
                sequence));
        operations.put("gen-random", fields("random_data_length", q("256"), "sequence", sequence));
        operations.put("re-encrypt", fields("source_key_id", q(enabled), "source_additional_authenticated_data",
                q("aad"), "source_encryption_algorithm", q("SYMMETRIC_DEFAULT"), "destination_key_id", q(target),
                "destination_additional_authenticated_data", q("bbb"), "destination_encryption_algorithm",
                q("SYMMETRIC_DEFAULT"), "datakey_cipher_length", q("32"), "cipher_text", q(dataKeyCipher),
                "sequence", sequence));
        operations.put("enable-key", fields("key_id", q(disabled), "sequence", sequence));
        operations.put("disable-key", fields("key_id", q(toDisable), "sequence", sequence));
        operations.put("cancel-key-deletion", fields("key_id", q(pendingDelete), "sequence", sequence));
        operations.put("schedule-key-deletion", fields("key_id", q(toSchedule), "pending_days", q("7"),
                "sequence", sequence));
        operations.put("delete-imported-key-material", fields("key_id", q(withMaterial), "sequence", sequence));
        operations.put("import-key-material", fields("key_id", q(pendingImport), "import_token", q(token),
                "encrypted_key_material", q(wrapped), "encrypted_privatekey", "null", "expiration_time",
                Long.toString(Instant.now().getEpochSecond() + 86_400), "sequence", sequence));
        return operations;
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
