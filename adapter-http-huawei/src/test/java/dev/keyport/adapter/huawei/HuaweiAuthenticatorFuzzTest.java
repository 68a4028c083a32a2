package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Random signed requests, mutated at random, against the authenticator: it never throws anything but a gateway
 * refusal (400 {@code APIGW.0201} or 401 {@code APIGW.0301}), and a mutated request verifies only when it still
 * means exactly what was signed — same method, path segments, query, signed header values and body. The requests
 * are signed by this test's own implementation of Huawei's signing guide, not by the code under test.
 */
class HuaweiAuthenticatorFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 10_000);
    private static final String AK = "FUZZAK0123456789";
    private static final String SK = "fuzz-secret-key-0123456789";
    private static final String DATE = "20261122T095041Z";
    private static final Instant NOW = Instant.parse("2026-11-22T09:50:41Z");

    private final HuaweiAuthenticator authenticator = new HuaweiAuthenticator(HuaweiServer.credentials(
            new HuaweiCredential(TenantId.of("fuzz"), AK, Secret.of(SK), "domain",
                    Map.of("p1", Region.of("cn-north-4")))), Clock.fixed(NOW, ZoneOffset.UTC));

    /** A request as sent: header lines in order, names as written, repeats allowed. */
    private record Request(String method, String path, String query, List<String[]> headers, byte[] body,
                           List<String> signedNames) {

        Request copy() {
            List<String[]> lines = new ArrayList<>();
            headers.forEach(h -> lines.add(h.clone()));
            return new Request(method, path, query, lines, body.clone(), signedNames);
        }

        Request with(String method, String path, String query, byte[] body) {
            return new Request(method, path, query, headers, body, signedNames);
        }

        List<String> values(String name) {
            List<String> values = new ArrayList<>();
            headers.forEach(h -> {
                if (h[0].equalsIgnoreCase(name)) {
                    values.add(h[1]);
                }
            });
            return values;
        }

        HuaweiAuthenticator.SignedRequest toSigned() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            headers.forEach(h -> map.computeIfAbsent(h[0], k -> new ArrayList<>()).add(h[1]));
            return new HuaweiAuthenticator.SignedRequest(method, path, query, map, body);
        }
    }

    /** What a request means: the parts that decide it. Empty when it is not well formed. */
    private record Meaning(String method, List<String> segments, Map<String, String> query,
                           Map<String, String> signedValues, String bodyHash) {
    }

    @Test
    void aMutatedSignedRequestNeverVerifiesUnlessItMeansTheSame() {
        Random random = new Random(SEED);
        int verified = 0;
        int neutral = 0;
        Map<String, Integer> refusedBy = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            Request base = base(random);
            Request signed = sign(base);
            Meaning meaning = meaning(signed, base.signedNames()).orElseThrow();
            assertThat(authenticate(signed, "unmutated round " + round)).as("the base request verifies").isTrue();
            Request mutated = signed.copy();
            List<String> applied = new ArrayList<>();
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
                mutated = mutation.apply(mutated, random);
                applied.add(mutation.name());
            }
            String what = "seed " + SEED + " round " + round + " " + applied;
            boolean accepted;
            try {
                accepted = authenticate(mutated, what);
            } catch (HuaweiException e) {
                accepted = false;
                refusedBy.merge(e.code(), 1, Integer::sum);
            }
            if (accepted) {
                verified++;
                Optional<Meaning> mutatedMeaning = meaning(mutated, base.signedNames());
                if (mutatedMeaning.isEmpty() || !mutatedMeaning.get().equals(meaning)) {
                    fail("a mutated request verified with another meaning: " + what + "\n  was " + meaning
                            + "\n  now " + mutatedMeaning.orElse(null));
                }
                if (!Arrays.equals(signed.body(), mutated.body()) || !signed.path().equals(mutated.path())
                        || !Objects.equals(signed.query(), mutated.query())) {
                    neutral++; // a different spelling of the same request
                }
            }
        }
        // the fuzz is not vacuous: both kinds of outcome occur, and refusals come from both checks
        assertThat(verified).as("neutral mutations (header case, whitespace, unsigned headers) verify").isPositive();
        assertThat(neutral).as("re-spellings of path or query that keep their meaning").isPositive();
        assertThat(refusedBy).containsKeys("APIGW.0301", "APIGW.0201");
    }

    /** True when verified; a HuaweiException for a refusal; anything else fails the test. */
    private boolean authenticate(Request request, String what) {
        try {
            authenticator.authenticate(request.toSigned());
            return true;
        } catch (HuaweiException e) {
            assertThat(e.gateway()).as(what).isTrue();
            assertThat(e.status() + " " + e.code()).as(what).isIn("401 APIGW.0301", "400 APIGW.0201");
            throw e;
        } catch (RuntimeException e) {
            throw new AssertionError("an unexpected exception for " + what, e);
        }
    }

    // ------------------------------------------------------------------------------ requests and their meaning

    private static final List<String> PATHS = List.of("/v1.0/p1/kms/describe-key", "/v1.0/p1/kms/disable-key",
            "/v1.0/p1/keystores/ks-1/enable", "/", "/v2/p1/kms/regions");
    private static final List<String> QUERIES = List.of("", "", "a=1", "a=1&b=x");

    private static Request base(Random random) {
        String path = PATHS.get(random.nextInt(PATHS.size()));
        String query = QUERIES.get(random.nextInt(QUERIES.size()));
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"host", "127.0.0.1:9401"});
        headers.add(new String[] {"x-sdk-date", DATE});
        if (random.nextBoolean()) {
            headers.add(new String[] {"x-project-id", "p1"});
        }
        if (random.nextBoolean()) {
            headers.add(new String[] {"user-agent", "huaweicloud-usdk-java/3." + random.nextInt(10)});
        }
        if (random.nextBoolean()) {
            headers.add(new String[] {"content-type", "application/json;charset=UTF-8"});
        }
        List<String> signed = new ArrayList<>();
        for (String[] header : headers) {
            if (header[0].equals("host") || header[0].equals("x-sdk-date") || random.nextInt(4) > 0) {
                signed.add(header[0]);
            }
        }
        signed.sort(String::compareTo);
        byte[] body = random.nextInt(5) == 0 ? new byte[0] : ("{\"key_id\":\"" + UUID.randomUUID()
                + "\",\"n\":" + random.nextInt(1000) + "}").getBytes(StandardCharsets.UTF_8);
        return new Request("POST", path, query.isEmpty() ? null : query, headers, body, List.copyOf(signed));
    }

    /** Signs by Huawei's guide, for the plain spellings {@link #base} makes. */
    private static Request sign(Request request) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : request.signedNames()) {
            canonicalHeaders.append(name).append(':').append(request.values(name).get(0)).append('\n');
        }
        String canonical = request.method() + "\n" + (request.path().equals("/") ? "/" : request.path() + "/") + "\n"
                + (request.query() == null ? "" : request.query()) + "\n" + canonicalHeaders + "\n"
                + String.join(";", request.signedNames()) + "\n" + hex(sha256(request.body()));
        String toSign = "SDK-HMAC-SHA256\n" + DATE + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        Request signed = request.copy();
        signed.headers().add(new String[] {"Authorization", "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders="
                + String.join(";", request.signedNames()) + ", Signature=" + hex(hmac(toSign))});
        return signed;
    }

    /** The parts that decide a request, read independently of the code under test; empty when malformed. */
    private static Optional<Meaning> meaning(Request request, List<String> signedNames) {
        List<String> segments = new ArrayList<>();
        if (!request.path().startsWith("/")) {
            return Optional.empty();
        }
        // trailing empty segments are dropped, as in the SDKs' canonical URI; routing refuses a trailing slash
        for (String segment : request.path().substring(1).split("/")) {
            Optional<String> decoded = decode(segment, false);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            segments.add(decoded.get());
        }
        Map<String, String> query = new TreeMap<>();
        if (request.query() != null && !request.query().isEmpty()) {
            for (String pair : request.query().split("&", -1)) {
                int eq = pair.indexOf('=');
                Optional<String> name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                Optional<String> value = decode(eq < 0 ? "" : pair.substring(eq + 1), true);
                if (name.isEmpty() || value.isEmpty() || query.put(name.get(), value.get()) != null) {
                    return Optional.empty();
                }
            }
        }
        Map<String, String> signedValues = new TreeMap<>();
        for (String name : signedNames) {
            List<String> values = request.values(name);
            if (values.size() != 1 || values.get(0).chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                return Optional.empty();
            }
            signedValues.put(name, values.get(0).strip());
        }
        if (request.values("authorization").size() != 1 || request.values("x-sdk-date").size() != 1) {
            return Optional.empty();
        }
        String bodyHash = hex(sha256(request.body()));
        List<String> declared = request.values("x-sdk-content-sha256");
        if (declared.size() > 1 || declared.size() == 1 && !declared.get(0).equalsIgnoreCase(bodyHash)) {
            return Optional.empty();
        }
        return Optional.of(new Meaning(request.method(), segments, query, signedValues, bodyHash));
    }

    private static Optional<String> decode(String text, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------ mutations

    private record Mutation(String name, BiFunction<Request, Random, Request> change) {

        Request apply(Request request, Random random) {
            return change.apply(request.copy(), random);
        }
    }

    private static final String PATH_CHARS = "/%.+~-_aZ09?#;:@!$&'()*,= \u00e9";
    private static final List<String> CONTROL = List.of("\n", "\r", "\u0000", "\t", "\u007f", "\r\nx-a: b");

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("body-byte", (r, random) -> {
                if (r.body().length == 0) {
                    return r.with(r.method(), r.path(), r.query(), new byte[] {(byte) random.nextInt(256)});
                }
                byte[] body = r.body();
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                return r;
            }),
            new Mutation("body-append", (r, random) -> r.with(r.method(), r.path(), r.query(),
                    concat(r.body(), pick(random, " ", "}", "\u0000", "{\"key_id\":\"x\"}", "\n").getBytes(
                            StandardCharsets.UTF_8)))),
            new Mutation("body-truncate", (r, random) -> r.with(r.method(), r.path(), r.query(),
                    Arrays.copyOf(r.body(), r.body().length == 0 ? 0 : random.nextInt(r.body().length)))),
            new Mutation("body-swap-key", (r, random) -> r.with(r.method(), r.path(), r.query(),
                    ("{\"key_id\":\"" + UUID.randomUUID() + "\",\"n\":1}").getBytes(StandardCharsets.UTF_8))),
            new Mutation("declare-body-hash", (r, random) -> {
                r.headers().add(new String[] {pick(random, "X-Sdk-Content-Sha256", "x-sdk-content-sha256"),
                        hex(sha256(r.body()))});
                return r;
            }),
            new Mutation("declare-other-hash", (r, random) -> {
                r.headers().add(new String[] {"x-sdk-content-sha256",
                        pick(random, "UNSIGNED-PAYLOAD", "unsigned-payload", hex(sha256(new byte[0])), "zz", "")});
                return r;
            }),
            new Mutation("path-char", (r, random) -> {
                StringBuilder path = new StringBuilder(r.path());
                int at = random.nextInt(path.length());
                path.setCharAt(at, PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length())));
                return r.with(r.method(), path.toString(), r.query(), r.body());
            }),
            new Mutation("path-encode", (r, random) -> {
                int at = random.nextInt(r.path().length());
                String hex = String.format("%%%02X", (int) r.path().charAt(at));
                hex = random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT);
                return r.with(r.method(), r.path().substring(0, at) + hex + r.path().substring(at + 1), r.query(),
                        r.body());
            }),
            new Mutation("path-insert", (r, random) -> {
                int at = random.nextInt(r.path().length() + 1);
                return r.with(r.method(), r.path().substring(0, at) + pick(random, "/", "./", "../", "//", "%2F",
                        "%00", "%", "%zz", "%C3%28") + r.path().substring(at), r.query(), r.body());
            }),
            new Mutation("path-trailing-slash", (r, random) -> r.with(r.method(), r.path() + "/", r.query(),
                    r.body())),
            new Mutation("query-add", (r, random) -> r.with(r.method(), r.path(),
                    (r.query() == null ? "" : r.query() + "&") + pick(random, "x=1", "a=1", "a=2", "a", "a=",
                            "%61=1", "a=%zz", "a+b=c", "a%20b=c", "=1"), r.body())),
            new Mutation("query-drop", (r, random) -> r.with(r.method(), r.path(), null, r.body())),
            new Mutation("method", (r, random) -> r.with(pick(random, "GET", "PUT", "post", "DELETE", "POST "),
                    r.path(), r.query(), r.body())),
            new Mutation("header-value", (r, random) -> {
                String[] header = r.headers().get(random.nextInt(r.headers().size()));
                header[1] = header[1].isEmpty() ? "x" : header[1].substring(0, header[1].length() - 1)
                        + pick(random, "x", "0", " ", "");
                return r;
            }),
            new Mutation("header-repeat", (r, random) -> {
                String[] header = r.headers().get(random.nextInt(r.headers().size()));
                r.headers().add(new String[] {pick(random, header[0], header[0].toUpperCase(Locale.ROOT)),
                        pick(random, header[1], "other")});
                return r;
            }),
            new Mutation("header-remove", (r, random) -> {
                r.headers().remove(random.nextInt(r.headers().size()));
                return r;
            }),
            new Mutation("header-name-case", (r, random) -> {
                String[] header = r.headers().get(random.nextInt(r.headers().size()));
                header[0] = random.nextBoolean() ? header[0].toUpperCase(Locale.ROOT)
                        : header[0].substring(0, 1).toUpperCase(Locale.ROOT) + header[0].substring(1);
                return r;
            }),
            new Mutation("header-whitespace", (r, random) -> {
                String[] header = r.headers().get(random.nextInt(r.headers().size()));
                header[1] = pick(random, " ", "\t", "  ") + header[1] + pick(random, " ", "\t", "");
                return r;
            }),
            new Mutation("header-control", (r, random) -> {
                String[] header = r.headers().get(random.nextInt(r.headers().size()));
                int at = random.nextInt(header[1].length() + 1);
                header[1] = header[1].substring(0, at) + CONTROL.get(random.nextInt(CONTROL.size()))
                        + header[1].substring(at);
                return r;
            }),
            new Mutation("header-add", (r, random) -> {
                r.headers().add(new String[] {pick(random, "x-extra", "X-Project-Id", "x-security-token",
                        "x-forwarded-for", "content-type"), pick(random, "1", "p2", "text/plain")});
                return r;
            }),
            new Mutation("date", (r, random) -> {
                for (String[] header : r.headers()) {
                    if (header[0].equalsIgnoreCase("x-sdk-date")) {
                        header[1] = pick(random, "20261122T095042Z", "20261122T095040Z", "2026-11-22T09:50:41Z",
                                "20261122T095041", "");
                    }
                }
                return r;
            }),
            new Mutation("authorization", (r, random) -> {
                for (String[] header : r.headers()) {
                    if (header[0].equalsIgnoreCase("authorization")) {
                        header[1] = changeAuthorization(header[1], random);
                    }
                }
                return r;
            }));

    private static String changeAuthorization(String authorization, Random random) {
        switch (random.nextInt(8)) {
            case 0: { // one hex digit of the signature
                if (authorization.length() < 64) {
                    return authorization + "0";
                }
                int at = authorization.length() - 1 - random.nextInt(64);
                char c = authorization.charAt(at) == '0' ? '1' : '0';
                return authorization.substring(0, at) + c + authorization.substring(at + 1);
            }
            case 1:
                return authorization.replace("Access=" + AK, "Access=" + pick(random, "OTHER", AK + "X", ""));
            case 2:
                return authorization.replace("SignedHeaders=host;", "SignedHeaders=");
            case 3:
                return authorization.replace("SignedHeaders=", "SignedHeaders=" + pick(random, "host;", "x-a;",
                        ";", "user-agent;"));
            case 4:
                return authorization.replace(", ", ","); // the same header, spelled tighter
            case 5:
                return authorization.replace("SDK-HMAC-SHA256", pick(random, "sdk-hmac-sha256", "SDK-HMAC-SHA1",
                        "SDK-HMAC-SHA256  "));
            case 6:
                return authorization.toUpperCase(Locale.ROOT);
            default:
                return authorization + pick(random, ",", " ", ", Extra=1");
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SK.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
