package dev.keyport.adapter.huawei;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Huawei's AK/SK signature, SDK-HMAC-SHA256: no key derivation, a canonical URI ending in "/", the headers
 * the request lists, and {@code X-Sdk-Date} within 15 minutes. Comparisons are constant-time.
 *
 * <p>Everything that decides the request is signed or refused: the payload hash is always the SHA-256 of the bytes
 * received (an {@code X-Sdk-Content-Sha256} is accepted only when it equals it; {@code UNSIGNED-PAYLOAD}, which
 * Huawei's SDKs send for non-JSON bodies only, is refused, since a KMS body decides the request); a signed header
 * must be present exactly once, without control characters; the signed-header list names each header once; the
 * query may not repeat a parameter; path and query must be valid percent-encoded UTF-8.
 */
final class HuaweiAuthenticator {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([a-z0-9;_.-]+),\\s*Signature=([0-9a-f]{64})$");
    private static final Pattern HEX_SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    private final HuaweiCredentials credentials;
    private final Clock clock;

    HuaweiAuthenticator(HuaweiCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * What a request is signed over, as received: its headers by lower-case name, each with every value it came with,
     * in order.
     */
    record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                         byte[] body) {

        SignedRequest {
            Map<String, List<String>> copy = new TreeMap<>();
            headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).addAll(values));
            headers = Collections.unmodifiableMap(copy);
        }

        /** A request with one value per header. */
        static SignedRequest of(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                byte[] body) {
            Map<String, List<String>> multi = new TreeMap<>();
            headers.forEach((name, value) -> multi.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(value));
            return new SignedRequest(method, rawPath, rawQuery, multi, body);
        }

        /** The one value of a header, null when absent; a header given twice is refused. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                throw failure("the header " + name.toLowerCase(Locale.ROOT) + " appears more than once");
            }
            return values.get(0);
        }
    }

    HuaweiCredential authenticate(SignedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            throw failure("the request is not signed");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.strip());
        if (!m.matches()) {
            throw failure("the Authorization header is not SDK-HMAC-SHA256");
        }
        String accessKey = m.group(1);
        String signedHeaders = m.group(2);
        String signature = m.group(3);
        List<String> signed = List.of(signedHeaders.split(";", -1));
        if (signed.stream().anyMatch(String::isEmpty) || Set.copyOf(signed).size() != signed.size()) {
            throw failure("SignedHeaders must name each header once");
        }
        if (!signed.contains("host") || !signed.contains("x-sdk-date")) {
            throw failure("host and x-sdk-date must be signed");
        }
        String date = request.header("X-Sdk-Date");
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(date == null ? "" : date, SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw failure("X-Sdk-Date is not yyyyMMdd'T'HHmmss'Z'");
        }
        HuaweiCredential credential = credentials.find(accessKey)
                .orElseThrow(() -> failure("Get secretKey failed, ak not exist"));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw failure("signature expired");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            String value = request.header(name);
            if (value == null) {
                throw failure("the signed header " + name + " is missing");
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw failure("the signed header " + name + " holds a control character");
            }
            canonicalHeaders.append(name).append(':').append(value.strip()).append('\n');
        }
        String canonicalRequest = String.join("\n", request.method(), HuaweiPath.canonicalUri(request.rawPath()),
                canonicalQuery(request.rawQuery()), canonicalHeaders.toString(), signedHeaders,
                payloadHash(request));
        String stringToSign = "SDK-HMAC-SHA256\n" + date + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(hmac(credential.secretKey().utf8(), stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw failure("verify aksk signature fail");
        }
        return credential;
    }

    /**
     * The SHA-256 of the body received. A declared {@code X-Sdk-Content-Sha256} must be that very hash (in either
     * case of hex, as the client signed it).
     */
    private static String payloadHash(SignedRequest request) {
        String actual = sha256Hex(request.body());
        String declared = request.header("X-Sdk-Content-Sha256");
        if (declared == null) {
            return actual;
        }
        if (declared.strip().equalsIgnoreCase(UNSIGNED_PAYLOAD)) {
            throw failure("X-Sdk-Content-Sha256 UNSIGNED-PAYLOAD is not accepted: the body of a KMS request "
                    + "decides it and must be signed");
        }
        if (!HEX_SHA256.matcher(declared).matches() || !MessageDigest.isEqual(
                declared.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII))) {
            throw failure("X-Sdk-Content-Sha256 is not the SHA-256 of the body received");
        }
        return declared;
    }

    /** Each segment decoded, then encoded per RFC 3986, and "/" after every one. */
    static String canonicalUri(String rawPath) {
        return HuaweiPath.canonicalUri(rawPath);
    }

    /**
     * The query's parameters decoded and encoded per RFC 3986, sorted by name; a parameter given twice, or a query
     * that is not valid percent-encoded UTF-8, is refused (400 {@code APIGW.0201}).
     */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = HuaweiPath.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : HuaweiPath.decode(pair.substring(eq + 1), true);
            if (sorted.put(HuaweiPath.encode(key), HuaweiPath.encode(value)) != null) {
                throw HuaweiErrors.BAD_REQUEST.exception("a query parameter appears more than once");
            }
        }
        StringBuilder query = new StringBuilder();
        sorted.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return query.toString();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    private static HuaweiException failure(String why) {
        return HuaweiErrors.UNAUTHENTICATED.exception(why);
    }
}
