package dev.keyport.adapter.huawei;

import dev.keyport.application.port.out.HuaweiCredential;
import dev.keyport.application.port.out.TenantDirectory;
import java.net.URLDecoder;
import java.net.URLEncoder;
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
import java.util.HexFormat;
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
 */
final class AkSkAuthenticator {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([a-z0-9;_.-]+),\\s*Signature=([0-9a-f]{64})$");

    private final TenantDirectory directory;
    private final Clock clock;

    AkSkAuthenticator(TenantDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** What a request is signed over, as received. */
    record SignedRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
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
        Set<String> signed = Set.of(signedHeaders.split(";"));
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
        HuaweiCredential credential = directory.findHuaweiCredential(accessKey)
                .orElseThrow(() -> failure("Get secretKey failed, ak not exist"));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw failure("signature expired");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = request.header(name);
            canonicalHeaders.append(name).append(':').append(value == null ? "" : value.strip()).append('\n');
        }
        String payloadHash = request.header("X-Sdk-Content-Sha256") != null
                ? request.header("X-Sdk-Content-Sha256") : sha256Hex(request.body());
        String canonicalRequest = String.join("\n", request.method(), canonicalUri(request.rawPath()),
                canonicalQuery(request.rawQuery()), canonicalHeaders.toString(), signedHeaders, payloadHash);
        String stringToSign = "SDK-HMAC-SHA256\n" + date + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(hmac(credential.secretKey().utf8(), stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw failure("verify aksk signature fail");
        }
        return credential;
    }

    /** Each segment decoded, then encoded per RFC 3986, and "/" after every one. */
    static String canonicalUri(String rawPath) {
        StringBuilder uri = new StringBuilder("/");
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                uri.append(encode(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))).append('/');
            }
        }
        return uri.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            sorted.put(encode(key), encode(value));
        }
        StringBuilder query = new StringBuilder();
        sorted.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
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
        return HuaweiException.gateway(401, "APIGW.0301", "Incorrect IAM authentication information: " + why);
    }
}
