package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.TenantId;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The TencentAuthenticator and the request parser under random requests and under random changes to correctly
 * signed ones (issue 10, point 3): a request is either refused with a Tencent error or accepted, never an unexpected
 * exception; and a signed request changed in anything that decides it never verifies (what TC3 leaves unsigned is refused by
 * the signature memory, here with no grace left).
 */
class TencentAuthenticatorFuzzTest {

    private static final String SECRET_ID = "AKIDfuzz0001";
    private static final String SECRET_KEY = "fuzz-secret-key";
    private static final int PORT = 9400;
    private static final String HOST = "127.0.0.1:" + PORT;
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final ObjectMapper JSON = Json.mapper();
    private static final long SEED = 20261129L;

    private final AtomicLong nanos = new AtomicLong();
    private final TencentAuthenticator authenticator = new TencentAuthenticator(TencentServer.credentials(
            new TencentCredential(TenantId.of("fuzz"), SECRET_ID, Secret.of(SECRET_KEY), 1L, 2L)),
            Clock.fixed(NOW, ZoneOffset.UTC),
            // every arrival 10 s after the previous: no signature is within the grace of another
            new SignatureMemory(10_000, SignatureMemory.DEFAULT_GRACE, () -> nanos.addAndGet(10_000_000_000L)));

    /** A request as bytes and headers, before IncomingRequest reads it. */
    record Wire(HttpMethod method, String query, List<String[]> headers, byte[] body, String note) {

        Wire with(String what) {
            return new Wire(method, query, copy(headers), body.clone(), what);
        }

        Wire method(HttpMethod m) {
            return new Wire(m, query, headers, body, note);
        }

        Wire query(String q) {
            return new Wire(method, q, headers, body, note);
        }

        Wire body(byte[] b) {
            return new Wire(method, query, headers, b, note);
        }

        static List<String[]> copy(List<String[]> headers) {
            List<String[]> copy = new ArrayList<>();
            headers.forEach(h -> copy.add(h.clone()));
            return copy;
        }

        MultiMap multiMap() {
            MultiMap map = MultiMap.caseInsensitiveMultiMap();
            headers.forEach(h -> map.add(h[0], h[1]));
            return map;
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        Wire set(String name, String value) {
            List<String[]> changed = copy(headers);
            changed.removeIf(h -> h[0].equalsIgnoreCase(name));
            if (value != null) {
                changed.add(new String[] {name, value});
            }
            return new Wire(method, query, changed, body, note);
        }

        Wire add(String name, String value) {
            List<String[]> changed = copy(headers);
            changed.add(new String[] {name, value});
            return new Wire(method, query, changed, body, note);
        }
    }

    /** What the API does with a request up to the action: read it, authenticate it, read its parameters. */
    private void process(Wire wire) {
        IncomingRequest request = IncomingRequest.of(wire.method(), wire.query(), wire.multiMap(), wire.body());
        authenticator.authenticate(request);
        TencentParams.of(JSON, request);
    }

    /** @return the Tencent error code, or "" when the request was accepted */
    private String outcome(Wire wire) {
        try {
            process(wire);
            return "";
        } catch (TencentException e) {
            return e.code();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("unexpected " + e + " for " + describe(wire), e);
        }
    }

    private static String describe(Wire wire) {
        StringBuilder text = new StringBuilder(wire.note()).append(": ").append(wire.method()).append(" ?")
                .append(wire.query());
        wire.headers().forEach(h -> text.append(" | ").append(h[0]).append(": ").append(h[1]));
        String body = new String(wire.body(), StandardCharsets.UTF_8);
        return text.append(" | ").append(body.length() > 200 ? body.substring(0, 200) + "…" : body).toString();
    }

    // ------------------------------------------------------------------------------------------- signing

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(byte[] data) {
        return hex(Signatures.sha256(data));
    }

    /** A TC3 request signed by the book, its signed headers as listed (lower-cased names, sorted). */
    private static Wire tc3(HttpMethod method, String query, Map<String, String> headers, String signedHeaders,
                            byte[] body, String signedHost, boolean unsignedPayload, String note) {
        long timestamp = NOW.getEpochSecond();
        String date = LocalDate.ofInstant(NOW, ZoneOffset.UTC).toString();
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Host", HOST);
        all.put("X-TC-Timestamp", Long.toString(timestamp));
        if (unsignedPayload) {
            all.put("X-TC-Content-SHA256", "UNSIGNED-PAYLOAD");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = name.equals("host") ? signedHost : all.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse("");
            canonicalHeaders.append(name).append(':').append(value.strip().toLowerCase()).append('\n');
        }
        String payload = unsignedPayload ? sha256("UNSIGNED-PAYLOAD".getBytes(StandardCharsets.UTF_8)) : sha256(body);
        String canonical = method.name() + "\n/\n" + (method == HttpMethod.GET ? query : "") + "\n" + canonicalHeaders
                + "\n" + signedHeaders + "\n" + payload;
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/kms/tc3_request\n"
                + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = Signatures.hmac("HmacSHA256", ("TC3" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
        key = Signatures.hmac("HmacSHA256", key, "kms");
        key = Signatures.hmac("HmacSHA256", key, "tc3_request");
        all.put("Authorization", "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + date
                + "/kms/tc3_request, SignedHeaders=" + signedHeaders + ", Signature="
                + hex(Signatures.hmac("HmacSHA256", key, toSign)));
        List<String[]> list = new ArrayList<>();
        all.forEach((k, v) -> list.add(new String[] {k, v}));
        return new Wire(method, method == HttpMethod.GET ? query : null, list, body, note);
    }

    private static Map<String, String> tc3Headers(String action, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-TC-Action", action);
        headers.put("X-TC-Version", "2019-01-18");
        headers.put("X-TC-Region", "ap-guangzhou");
        return headers;
    }

    private static Wire v1(HttpMethod method, String signatureMethod, Map<String, String> own, String note) {
        TestSigner signer = new TestSigner(SECRET_ID, SECRET_KEY, PORT);
        Map<String, String> params = signer.v1Common("DescribeKeys", signatureMethod);
        params.put("Timestamp", Long.toString(NOW.getEpochSecond()));
        params.putAll(own);
        String query = signer.v1QueryAsIs(method.name(), signatureMethod, params);
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Host", HOST});
        if (method == HttpMethod.GET) {
            return new Wire(method, query, headers, new byte[0], note);
        }
        headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        return new Wire(method, null, headers, query.getBytes(StandardCharsets.US_ASCII), note);
    }

    private static List<Wire> originals() {
        byte[] json = "{\"KeyIds\":[\"5eed0000-0000-4000-8000-000000000001\"],\"Extra\":{\"Deep\":[1,2,{\"X\":\"é\"}]}}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> own = new LinkedHashMap<>();
        own.put("KeyIds.0", "5eed0000-0000-4000-8000-000000000001");
        own.put("KeyIds.1", "5eed0000-0000-4000-8000-000000000002");
        own.put("Note", "a b+c&d=é");
        String getQuery = "Limit=10&KeyIds.0=5eed0000-0000-4000-8000-000000000001&Padding=a%20b%2Bc";
        return List.of(
                tc3(HttpMethod.POST, null, tc3Headers("DescribeKeys", "application/json; charset=utf-8"),
                        "content-type;host", json, HOST, false, "TC3 POST, the Java SDK's"),
                tc3(HttpMethod.POST, null, tc3Headers("DescribeKeys", "application/json"),
                        "content-type;host", json, "127.0.0.1", false, "TC3 POST, the Node SDK's host"),
                tc3(HttpMethod.POST, null, tc3Headers("DescribeKeys", "application/json"),
                        "content-type;host;x-tc-action;x-tc-region", json, HOST, false, "TC3 POST, routing signed"),
                tc3(HttpMethod.POST, null, tc3Headers("DescribeKeys", "application/json"),
                        "content-type;host", json, HOST, true, "TC3 POST, unsigned payload"),
                tc3(HttpMethod.GET, getQuery, tc3Headers("DescribeKeys", "application/x-www-form-urlencoded"),
                        "content-type;host", new byte[0], HOST, false, "TC3 GET"),
                v1(HttpMethod.GET, "HmacSHA256", own, "v1 GET HmacSHA256"),
                v1(HttpMethod.GET, "HmacSHA1", own, "v1 GET HmacSHA1"),
                v1(HttpMethod.POST, "HmacSHA256", own, "v1 POST form"));
    }

    // ------------------------------------------------------------------------------------------- mutations

    private static final String[] HOSTS = {"127.0.0.2:9400", "127.0.0.1:9400:7", "127.0.0.1:9400 ", "evil.example",
            "", "127.0.0.1.", "[::1]:9400", "127.0.0.1:94000", "127.0.0.1:09400x"};
    private static final String[] HEADERS = {"Content-Type", "Host", "X-TC-Action", "X-TC-Region", "X-TC-Version",
            "X-TC-Timestamp", "X-TC-Content-SHA256", "X-TC-Token", "Authorization"};

    private static String change(String text, Random random) {
        String value = text == null ? "" : text;
        int at = value.isEmpty() ? 0 : random.nextInt(value.length());
        return switch (random.nextInt(6)) {
            case 0 -> value + (char) ('a' + random.nextInt(26));
            case 1 -> value.isEmpty() ? "x" : value.substring(0, at) + value.substring(at + 1);
            case 2 -> value.substring(0, at) + (char) (0x21 + random.nextInt(94)) + value.substring(at);
            case 3 -> value.isEmpty() ? "\u00e9" : value.substring(0, at) + "\u00e9" + value.substring(at + 1);
            case 4 -> value + "\r\nX-Injected: 1";
            default -> value.isEmpty() ? "0" : value.substring(0, at) + (char) (value.charAt(at) ^ 1)
                    + value.substring(at + 1);
        };
    }

    /** A change to something that decides the request; for a header, one its signature does not shrug off. */
    private static Wire mutate(Wire original, Random random) {
        Wire w = original.with(original.note());
        boolean nodeHost = original.note().contains("Node");
        boolean v1 = original.note().startsWith("v1");
        switch (random.nextInt(9)) {
            case 0: { // body
                if (w.body().length == 0) {
                    return w.body(new byte[] {'{', '}'}).with(w.note() + " +body");
                }
                byte[] body = w.body().clone();
                int at = random.nextInt(body.length);
                // in a form, a flip of bit 5 can turn %2B into %2b, the same parameter: flip bit 0 there
                body[at] ^= (byte) (v1 ? 1 : 1 << random.nextInt(8));
                return w.body(body).with(w.note() + " body bit " + at);
            }
            case 1: // method
                return w.method(w.method() == HttpMethod.GET ? HttpMethod.POST : HttpMethod.GET)
                        .with(w.note() + " method");
            case 2: { // query
                if (w.query() == null || w.query().isEmpty()) {
                    return w.query("Limit=1").with(w.note() + " +query");
                }
                String[] parts = w.query().split("&");
                int i = random.nextInt(parts.length);
                String part = parts[i];
                String changed = switch (random.nextInt(5)) {
                    case 0 -> part + "&Limit=99";
                    case 1 -> part + "&" + part; // the same parameter twice
                    case 2 -> part.replaceFirst("\\.", "_"); // signs alike in v1, reads differently
                    case 3 -> part.isEmpty() ? "x=1" : Character.isUpperCase(part.charAt(0))
                            ? Character.toLowerCase(part.charAt(0)) + part.substring(1)
                            : Character.toUpperCase(part.charAt(0)) + part.substring(1);
                    default -> {
                        int eq = part.indexOf('=');
                        yield eq < 0 ? part + "x" : part.substring(0, eq + 1) + change(part.substring(eq + 1), random)
                                .replace("&", "%26").replace("=", "%3D").replace(" ", "+").replace("\r\n", "%0D%0A");
                    }
                };
                parts[i] = changed;
                Wire q = w.query(String.join("&", parts)).with(w.note() + " query " + changed);
                if (q.query().equals(w.query())) {
                    return q.query(q.query() + "&Limit=2");
                }
                return q;
            }
            case 3: { // a decisive header's value
                String name = HEADERS[random.nextInt(HEADERS.length)];
                String value;
                if (name.equals("Host")) {
                    value = HOSTS[random.nextInt(HOSTS.length)];
                    if (!v1 && !nodeHost && value.equals("127.0.0.1:9400 ")) {
                        value = "127.0.0.1:9401"; // TC3 strips a header value, so a trailing space is no change
                    }
                    if (!nodeHost && !v1 && value.isEmpty()) {
                        value = "127.0.0.1";
                    }
                } else if (name.equals("X-TC-Content-SHA256")) {
                    value = original.header(name) == null ? "UNSIGNED-PAYLOAD" : "unsigned-payload";
                } else {
                    value = change(original.header(name), random);
                }
                if (name.equals("Content-Type") && value.equalsIgnoreCase(original.header(name))) {
                    value = value + "x";
                }
                if (v1 && name.startsWith("X-TC-")) {
                    return w.method(HttpMethod.PUT).with(w.note() + " (v1 reads no X-TC header: method PUT instead)");
                }
                if (v1 && name.equals("Content-Type") && w.method() == HttpMethod.GET) {
                    return w.body(new byte[] {'x'}).with(w.note() + " GET body");
                }
                return w.set(name, value).with(w.note() + " " + name + ": " + value);
            }
            case 4: { // a decisive header twice
                String name = HEADERS[random.nextInt(HEADERS.length)];
                String value = random.nextBoolean() || original.header(name) == null ? change(original.header(name),
                        random) : original.header(name);
                Wire twice = w.add(name, value);
                if (original.header(name) == null) {
                    twice = twice.add(name, value);
                }
                return twice.with(w.note() + " " + name + " twice");
            }
            case 5: { // a header removed
                String name = v1 ? "Host" : HEADERS[random.nextInt(HEADERS.length - 1)];
                if (original.header(name) == null || name.equals("X-TC-Token")) {
                    name = "Host";
                }
                return w.set(name, null).with(w.note() + " no " + name);
            }
            case 6: { // the Authorization's parts
                if (v1) {
                    return w.set("Authorization", "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/x")
                            .with(w.note() + " +Authorization");
                }
                String authorization = original.header("Authorization");
                String changed = switch (random.nextInt(4)) {
                    case 0 -> authorization.replace("SignedHeaders=content-type;host",
                            "SignedHeaders=content-type;host;x-tc-action");
                    case 1 -> authorization.replace("/kms/", "/kms2/");
                    case 2 -> authorization.replace("Credential=" + SECRET_ID, "Credential=" + SECRET_ID + "x");
                    default -> authorization.substring(0, authorization.length() - 1)
                            + (authorization.endsWith("0") ? "1" : "0");
                };
                if (changed.equals(authorization)) {
                    changed = authorization.replace("2026-11-29", "2026-11-30");
                }
                return w.set("Authorization", changed).with(w.note() + " Authorization " + changed);
            }
            case 7: // a query on a POST, a body on a GET
                return w.method() == HttpMethod.POST ? w.query("Limit=1").with(w.note() + " POST query")
                        : w.body("Limit=1".getBytes(StandardCharsets.UTF_8)).with(w.note() + " GET body");
            default: { // a v1 parameter added, doubled or renamed inside the form body
                if (!v1) {
                    return w.set("X-TC-Action", "DisableKey").with(w.note() + " X-TC-Action: DisableKey");
                }
                if (w.method() == HttpMethod.GET) {
                    return w.query(w.query() + "&Limit=5").with(w.note() + " +Limit");
                }
                String form = new String(w.body(), StandardCharsets.US_ASCII);
                String changed = switch (random.nextInt(3)) {
                    case 0 -> form + "&Limit=5";
                    case 1 -> form + "&" + form.split("&")[random.nextInt(form.split("&").length)];
                    default -> form.replace("KeyIds.1=", "KeyIds_1=");
                };
                return w.body(changed.getBytes(StandardCharsets.US_ASCII)).with(w.note() + " form " + changed);
            }
        }
    }

    @Test
    void everySignedOriginalIsAcceptedAndAnIdenticalRetryToo() {
        for (Wire original : originals()) {
            assertThat(outcome(original)).as(original.note()).isEmpty();
            assertThat(outcome(original.with(original.note()))).as(original.note() + " again").isEmpty();
        }
    }

    @Test
    void noChangeToASignedRequestVerifies() {
        Random random = new Random(SEED);
        List<Wire> originals = originals();
        originals.forEach(this::outcome);
        Map<String, Integer> refusals = new java.util.TreeMap<>();
        int tried = 0;
        for (Wire original : originals) {
            for (int i = 0; i < 2_500; i++) {
                Wire mutated = mutate(original, random);
                String code = outcome(mutated);
                assertThat(code).as(describe(mutated)).isNotEmpty();
                refusals.merge(code, 1, Integer::sum);
                tried++;
            }
        }
        assertThat(tried).isEqualTo(20_000);
        assertThat(refusals).as("refused for many reasons, not one").containsKeys("AuthFailure.SignatureFailure",
                "InvalidParameter", "AuthFailure.InvalidAuthorization");
    }

    @Test
    void randomRequestsGetATencentErrorAndNothingElse() {
        Random random = new Random(SEED + 1);
        String[] names = {"Host", "Authorization", "Content-Type", "X-TC-Action", "X-TC-Timestamp", "X-TC-Region",
                "X-TC-Version", "X-TC-Token", "X-TC-Content-SHA256", "X-Other"};
        String punctuation = "%=&.;_+[]{}\"\\";
        Function<Integer, String> text = n -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(10);
                s.append(kind < 6 ? (char) (0x20 + random.nextInt(95)) : kind < 8 ? punctuation.charAt(
                        random.nextInt(punctuation.length())) : (char) random.nextInt(0x3000));
            }
            return s.toString();
        };
        for (int i = 0; i < 20_000; i++) {
            List<String[]> headers = new ArrayList<>();
            for (int h = random.nextInt(6); h > 0; h--) {
                String name = names[random.nextInt(names.length)];
                String value = name.equals("Authorization") && random.nextBoolean()
                        ? "TC3-HMAC-SHA256 Credential=" + (random.nextBoolean() ? SECRET_ID : text.apply(8)) + "/"
                        + "2026-11-29/" + text.apply(3) + "/tc3_request, SignedHeaders=" + text.apply(12)
                        + ", Signature=" + "0".repeat(64)
                        : name.equals("Content-Type") ? (random.nextBoolean() ? "application/json"
                        : "application/x-www-form-urlencoded") + text.apply(random.nextInt(3))
                        : name.equals("X-TC-Timestamp") ? Long.toString(NOW.getEpochSecond() + random.nextInt(3))
                        : text.apply(random.nextInt(20));
                headers.add(new String[] {name, value});
            }
            String query = random.nextInt(4) == 0 ? null : "Signature=" + text.apply(4) + "&SecretId="
                    + (random.nextBoolean() ? SECRET_ID : text.apply(5)) + "&Timestamp=" + NOW.getEpochSecond()
                    + "&Nonce=1&" + text.apply(random.nextInt(60));
            byte[] body = text.apply(random.nextInt(80)).getBytes(random.nextBoolean() ? StandardCharsets.UTF_8
                    : StandardCharsets.UTF_16);
            HttpMethod method = random.nextInt(3) == 0 ? HttpMethod.GET : HttpMethod.POST;
            if (method == HttpMethod.GET && random.nextBoolean()) {
                body = new byte[0];
            }
            Wire wire = new Wire(method, query, headers, body, "random " + i);
            assertThat(outcome(wire)).as(describe(wire)).isNotEmpty();
        }
    }

    @Test
    void theHostLosesAPortAndNothingElse() {
        Wire node = originals().get(1);
        assertThat(outcome(node.set("Host", "127.0.0.1:9999").with("another port"))).as("the Node SDK's signature "
                + "covers no port: the price of accepting it").isEmpty();
        assertThat(outcome(node.set("Host", "127.0.0.1:9400").with("then the port it was meant for")))
                .as("but the signature is now pinned to the Host it came with").isEqualTo("AuthFailure.SignatureFailure");
        Wire java = originals().get(0);
        for (String host : new String[] {"127.0.0.1:9400:7", "127.0.0.1:9400:9400", "127.0.0.1", "[127.0.0.1:9400]:1"}) {
            assertThat(outcome(java.set("Host", host).with(host))).as(host).isEqualTo("AuthFailure.SignatureFailure");
        }
    }

    @Test
    void theSignatureMemoryIsBoundedUnderALoadOfSignatures() {
        SignatureMemory memory = new SignatureMemory(1_000, Duration.ofSeconds(2), System::nanoTime);
        for (int i = 0; i < 5_000; i++) {
            memory.remember("sig" + i, new byte[32], NOW.getEpochSecond() + 300, NOW.getEpochSecond());
        }
        assertThat(memory.size()).isEqualTo(1_000);
    }
}
