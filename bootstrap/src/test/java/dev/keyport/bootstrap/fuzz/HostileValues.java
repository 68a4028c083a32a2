package dev.keyport.bootstrap.fuzz;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The hostile values a field is given, each with a short label for the report. A value is the JSON text put in place
 * of the field (so that {@code -0}, {@code 9223372036854775808} or a duplicated key arrive exactly as written), or
 * {@link #ABSENT}. Some values depend on where they are used: the real keys of the worker, the field's valid value,
 * the vendor's size limit.
 */
final class HostileValues {

    /** Leaves the field out of the request. */
    static final String ABSENT = "\u0000absent\u0000";

    /** What a value may depend on. */
    interface Context {

        FuzzPlan.Vendor vendor();

        /** The id of this worker's key in a role (see {@link KeyZoo.Role}). */
        String keyIdOf(KeyZoo.Role role);

        /** The material wrapped for the importable key under its issued public key; null for a mode not offered. */
        String wrapForImport(byte[] material, String mode);

        long nowSeconds();
    }

    /** One hostile value: its label, and its JSON text given the context and the field's valid value (or null). */
    record Hostile(String label, BiFunction<Context, JsonNode, String> json) {

        String resolve(Context context, JsonNode valid) {
            return json.apply(context, valid);
        }
    }

    /** What a field holds, which decides the values added to the common ones. */
    enum Kind {
        KEY_ID, TEXT, ENUM, NUMBER, BASE64, MATERIAL, TOKEN, CIPHERTEXT, JSON_TEXT, JSON_OBJECT, ARRAY, SEQUENCE
    }

    static final int ONE_MB = 1024 * 1024;
    private static final String TEN_KB = "a".repeat(10 * 1024);
    private static final String TENCENT_MB = quote("a".repeat(oneMegabyteFor(FuzzPlan.Vendor.TENCENT)));
    private static final String HUAWEI_MB = quote("a".repeat(oneMegabyteFor(FuzzPlan.Vendor.HUAWEI)));

    private HostileValues() {
    }

    /** Every value a field of this kind is given. */
    static List<Hostile> forKind(Kind kind, FuzzPlan.Vendor vendor) {
        List<Hostile> values = new ArrayList<>(common());
        values.addAll(switch (kind) {
            case KEY_ID -> keyIds();
            case TEXT -> texts();
            case ENUM -> enums();
            case NUMBER -> numbers();
            case BASE64 -> base64Variants();
            case MATERIAL -> materials();
            case TOKEN, CIPHERTEXT -> base64Variants();
            case JSON_TEXT -> jsonTexts();
            case JSON_OBJECT -> jsonObjects();
            case ARRAY -> arrays();
            case SEQUENCE -> sequences();
        });
        return values;
    }

    /** The values of every field: types, sizes, unicode, control characters, numbers, metacharacters, base64. */
    static List<Hostile> common() {
        List<Hostile> v = new ArrayList<>();
        v.add(fixed("absent", ABSENT));
        // wrong JSON types
        for (String json : List.of("0", "1", "-1", "true", "false", "null", "[]", "[\"x\"]", "[null]", "{}",
                "{\"a\":1}")) {
            v.add(fixed("json " + json, json));
        }
        // numbers out of range, fractions, exponents
        for (String json : List.of("-0", "1.5", "1e308", "1e999", "2147483647", "2147483648", "9223372036854775807",
                "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "123456789012345678901234567890.5")) {
            v.add(fixed("number " + json, json));
        }
        v.add(fixed("number of 1200 digits", "9".repeat(1200)));
        // numbers as strings
        for (String text : List.of("0", "-1", "1", "007", "0x10", "1e308", "-0", "1.5", "9223372036854775807",
                "9223372036854775808", "NaN", "Infinity", "+1", " 1", "1 ", "\uff11", "\u0663")) {
            v.add(text("string \"" + printable(text) + "\"", text));
        }
        // strings: empty, blank, sizes
        v.add(text("empty string", ""));
        v.add(text("one space", " "));
        v.add(text("10 KB string", TEN_KB));
        v.add(new Hostile("1 MB string", (c, valid) -> c.vendor() == FuzzPlan.Vendor.HUAWEI ? HUAWEI_MB
                : TENCENT_MB));
        // unicode
        v.add(text("emoji", "\ud83d\udd11\ud83d\ude00"));
        v.add(text("RTL override", "\u202eyek"));
        v.add(text("Arabic", "\u0645\u0641\u062a\u0627\u062d"));
        v.add(text("combining marks", "e\u0301\u0301\u0301"));
        v.add(text("BOM character", "\ufeffa"));
        v.add(fixed("lone high surrogate \\ud800", "\"\\ud800\""));
        v.add(fixed("lone low surrogate \\udc00", "\"\\udc00\""));
        v.add(fixed("reversed surrogates", "\"\\udc00\\ud800\""));
        v.add(fixed("escaped NUL \\u0000", "\"\\u0000\""));
        v.add(fixed("NUL inside a\\u0000b", "\"a\\u0000b\""));
        v.add(fixed("control \\u0001", "\"\\u0001\""));
        v.add(fixed("control \\u001f", "\"\\u001f\""));
        v.add(text("DEL and NEL", "\u007f\u0085"));
        v.add(text("line separators U+2028/9", "a\u2028b\u2029"));
        v.add(text("LF", "\n"));
        v.add(text("CRLF inside", "a\r\nb"));
        v.add(text("forged log line", "x\nINFO keyport.requests - forged"));
        // SQL and LIKE metacharacters
        for (String text : List.of("%", "_", "'", "\\", "!", "!%", "' OR '1'='1", "'; DROP TABLE cmk; --")) {
            v.add(text("sql \"" + text + "\"", text));
        }
        // path and format characters
        for (String text : List.of("../../../etc/passwd", ".", "..", "%s%n%x%d", "${jndi:ldap://127.0.0.1/x}", "%00",
                "\"", "&a=b")) {
            v.add(text("path/format \"" + printable(text) + "\"", text));
        }
        // damaged base64
        for (String text : List.of("====", "A", "ABC", "QQ=", "QUJD\n", "QU JD")) {
            v.add(text("base64 \"" + printable(text) + "\"", text));
        }
        v.add(text("base64 of 4097 bytes", Base64.getEncoder().encodeToString(new byte[4097])));
        return v;
    }

    private static List<Hostile> keyIds() {
        List<Hostile> v = new ArrayList<>();
        for (KeyZoo.Role role : KeyZoo.Role.values()) {
            v.add(new Hostile("key " + role, (c, valid) -> quote(c.keyIdOf(role))));
        }
        v.add(variant("valid id in upper case", s -> s.toUpperCase(Locale.ROOT)));
        v.add(variant("valid id + space", s -> s + " "));
        v.add(variant("space + valid id", s -> " " + s));
        v.add(variant("valid id + \\u0000", s -> s + "\u0000"));
        v.add(variant("valid id + LF", s -> s + "\n"));
        v.add(variant("valid id without dashes", s -> s.replace("-", "")));
        v.add(variant("valid id less its last character", s -> s.substring(0, s.length() - 1)));
        v.add(variant("valid id + 0", s -> s + "0"));
        v.add(variant("valid id with full-width hyphens", s -> s.replace('-', '\uff0d')));
        v.add(new Hostile("valid id in an array", (c, valid) -> "[" + quote(textOf(valid)) + "]"));
        v.add(new Hostile("valid id in an object", (c, valid) -> "{\"KeyId\":" + quote(textOf(valid)) + "}"));
        v.add(text("nil uuid", "00000000-0000-0000-0000-000000000000"));
        v.add(text("unknown key id", "1b4e28ba-2fa1-41d2-883f-0016d3cca427"));
        v.add(text("alias/ form", "alias/fuzz"));
        return v;
    }

    private static List<Hostile> texts() {
        List<Hostile> v = new ArrayList<>();
        for (int length : List.of(60, 61, 128, 129, 255, 256, 1024, 1025, 4096, 4097)) {
            v.add(text(length + " characters", "a".repeat(length)));
        }
        v.add(text("1024 two-byte characters", "\u00e9".repeat(1024)));
        v.add(text("reserved kms- prefix", "kms-fuzz"));
        v.add(text("alias/ prefix", "alias/fuzz"));
        v.add(text("every alias character", "a:b/c_d-e"));
        return v;
    }

    private static List<Hostile> enums() {
        List<Hostile> v = new ArrayList<>();
        for (String text : List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "ASYMMETRIC_DECRYPT_RSA_2048", "ALL", "EXTERNAL",
                "external", "kms", "TENCENT_KMS", "AES_256", "SM4", "RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1",
                "RSAES_OAEP_SHA_256", "SM2_ENCRYPT", "SYMMETRIC_DEFAULT")) {
            v.add(text("enum " + text, text));
        }
        v.add(variant("valid value in lower case", s -> s.toLowerCase(Locale.ROOT)));
        v.add(variant("valid value + space", s -> s + " "));
        v.add(variant("valid value + \\u0000", s -> s + "\u0000"));
        return v;
    }

    private static List<Hostile> numbers() {
        List<Hostile> v = new ArrayList<>();
        for (String json : List.of("6", "7", "30", "31", "200", "201", "1000", "1001", "1096", "1097", "2147443200",
                "2147443201")) {
            v.add(fixed("number " + json, json));
        }
        for (String json : List.of("7", "1097", "2147443201")) {
            v.add(fixed("string \"" + json + "\"", quote(json)));
        }
        v.add(new Hostile("a minute ago", (c, valid) -> Long.toString(c.nowSeconds() - 60)));
        v.add(new Hostile("in a day", (c, valid) -> Long.toString(c.nowSeconds() + 86_400)));
        v.add(new Hostile("now in milliseconds", (c, valid) -> Long.toString(c.nowSeconds() * 1000)));
        return v;
    }

    private static List<Hostile> base64Variants() {
        List<Hostile> v = new ArrayList<>();
        v.add(variant("valid value less 1 character", s -> s.substring(0, s.length() - 1)));
        v.add(variant("valid value less 4 characters", s -> s.substring(0, Math.max(0, s.length() - 4))));
        v.add(variant("valid value + =", s -> s + "="));
        v.add(variant("valid value with its first character changed",
                s -> (s.charAt(0) == 'A' ? "B" : "A") + s.substring(1)));
        v.add(variant("valid value with a middle character changed", s -> {
            int middle = s.length() / 2;
            return s.substring(0, middle) + (s.charAt(middle) == 'A' ? 'B' : 'A') + s.substring(middle + 1);
        }));
        v.add(variant("valid value twice", s -> s + s));
        v.add(variant("valid value with LF inside", s -> s.substring(0, s.length() / 2) + "\n"
                + s.substring(s.length() / 2)));
        v.add(variant("valid value URL-safe", s -> s.replace('+', '-').replace('/', '_')));
        v.add(variant("valid value without padding", s -> s.replace("=", "")));
        v.add(text("base64 of one byte", "QQ=="));
        v.add(text("base64 of 1 MB", Base64.getEncoder().encodeToString(new byte[ONE_MB / 2])));
        return v;
    }

    private static List<Hostile> materials() {
        List<Hostile> v = new ArrayList<>(base64Variants());
        for (int length : List.of(0, 1, 15, 16, 31, 33, 64, 190)) {
            v.add(new Hostile("material of " + length + " bytes", (c, valid) -> wrapped(c, new byte[length],
                    "OAEP-SHA256")));
        }
        v.add(new Hostile("32 bytes under PKCS#1 v1.5", (c, valid) -> wrapped(c, new byte[32], "PKCS1")));
        v.add(new Hostile("32 bytes under OAEP-SHA1", (c, valid) -> wrapped(c, new byte[32], "OAEP-SHA1")));
        v.add(new Hostile("32 bytes under OAEP-SHA256/MGF1-SHA1", (c, valid) -> wrapped(c, new byte[32],
                "OAEP-SHA256-MGF1-SHA1")));
        v.add(text("256 random-looking bytes", Base64.getEncoder().encodeToString(
                "0123456789abcdef".repeat(16).getBytes(StandardCharsets.US_ASCII))));
        return v;
    }

    private static List<Hostile> jsonTexts() {
        List<Hostile> v = new ArrayList<>();
        for (String text : List.of("{}", "{\"k\":\"w\"}", "{\"k\":1}", "[]", "\"s\"", "1", "{", "{\"k\":\"v\"} ",
                " {\"k\":\"v\"}", "{\"k\":\"v\",\"k\":\"w\"}", "{\"k\":\"v\"}\u0000", "{\"k\":\"v\"}x",
                "{'k':'v'}")) {
            v.add(text("context " + printable(text), text));
        }
        v.add(text("context of 1024 characters", "{\"k\":\"" + "a".repeat(1016) + "\"}"));
        v.add(text("context of 1025 characters", "{\"k\":\"" + "a".repeat(1017) + "\"}"));
        v.add(text("context nested 2000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
        return v;
    }

    private static List<Hostile> jsonObjects() {
        List<Hostile> v = new ArrayList<>();
        for (String json : List.of("{\"k\":\"v\"}", "{\"k\":{\"n\":[1,2]}}", "{\"\\u0000\":\"x\"}",
                "{\"k\":\"v\",\"k\":\"w\"}", "{\"MemberAppId\":1,\"MemberUin\":2}", "{\"MemberAppId\":-1}")) {
            v.add(fixed("object " + json, json));
        }
        v.add(fixed("object nested 2000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
        v.add(fixed("object nested 900 deep", "{\"a\":".repeat(900) + "1" + "}".repeat(900)));
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        v.add(fixed("object of 10000 members", wide.append('}').toString()));
        return v;
    }

    private static List<Hostile> arrays() {
        List<Hostile> v = new ArrayList<>();
        for (String json : List.of("[{}]", "[{\"TagKey\":\"k\",\"TagValue\":\"v\"}]", "[{\"TagKey\":\"k\"}]",
                "[{\"TagKey\":null}]", "[{\"TagKey\":\"k\",\"TagValue\":[\"v\"]}]", "[\"\"]")) {
            v.add(fixed("array " + json, json));
        }
        v.add(new Hostile("100 copies of the valid element", (c, valid) -> repeatFirst(valid, 100)));
        v.add(new Hostile("101 copies of the valid element", (c, valid) -> repeatFirst(valid, 101)));
        v.add(new Hostile("valid elements twice", (c, valid) -> repeatAll(valid)));
        v.add(fixed("array nested 2000 deep", "[".repeat(2000) + "]".repeat(2000)));
        v.add(fixed("array nested 900 deep", "[".repeat(900) + "]".repeat(900)));
        v.add(fixed("array of 100000 nulls", "[" + "null,".repeat(99_999) + "null]"));
        return v;
    }

    private static List<Hostile> sequences() {
        List<Hostile> v = new ArrayList<>();
        v.add(text("uuid", "919c82d4-8046-4722-9094-35c3c6524cff"));
        v.add(text("uuid in upper case", "919C82D4-8046-4722-9094-35C3C6524CFF"));
        v.add(text("35 characters", "919c82d4-8046-4722-9094-35c3c6524cf"));
        v.add(text("37 characters", "919c82d4-8046-4722-9094-35c3c6524cff0"));
        v.add(text("36 characters with _", "919c82d4_8046_4722_9094_35c3c6524cff"));
        v.add(text("36 dashes", "-".repeat(36)));
        return v;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    static int oneMegabyteFor(FuzzPlan.Vendor vendor) {
        // Huawei's body limit is 1 MB: the string stays just under it, so that it reaches the field
        return vendor == FuzzPlan.Vendor.HUAWEI ? ONE_MB - 8 * 1024 : ONE_MB;
    }

    private static Hostile fixed(String label, String json) {
        return new Hostile(label, (c, valid) -> json);
    }

    private static Hostile text(String label, String text) {
        String json = quote(text);
        return new Hostile(label, (c, valid) -> json);
    }

    /** A value made from the field's valid value; absent when the field has none. */
    private static Hostile variant(String label, java.util.function.UnaryOperator<String> change) {
        return new Hostile(label, (c, valid) -> valid == null || !valid.isTextual() || valid.textValue().isEmpty()
                ? ABSENT : quote(change.apply(valid.textValue())));
    }

    private static String textOf(JsonNode valid) {
        return valid == null ? "" : valid.asText();
    }

    private static String repeatFirst(JsonNode valid, int times) {
        if (valid == null || !valid.isArray() || valid.isEmpty()) {
            return ABSENT;
        }
        String element = valid.get(0).toString();
        return "[" + String.join(",", java.util.Collections.nCopies(times, element)) + "]";
    }

    private static String repeatAll(JsonNode valid) {
        if (valid == null || !valid.isArray() || valid.isEmpty()) {
            return ABSENT;
        }
        String inner = valid.toString().substring(1, valid.toString().length() - 1);
        return "[" + inner + "," + inner + "]";
    }

    private static String wrapped(Context context, byte[] material, String mode) {
        String wrapped = context.wrapForImport(material, mode);
        return wrapped == null ? ABSENT : quote(wrapped);
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** A label-safe rendering: control characters as escapes, long text shortened. */
    static String printable(String text) {
        String escaped = escaped(text);
        return escaped.length() > 40 ? escaped.substring(0, 40) + "…" : escaped;
    }

    /** Control characters, surrogates and line or direction marks as escapes. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || Character.isSurrogate(ch)
                    || ch == '\u2028' || ch == '\u2029' || ch == '\u202e') {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
