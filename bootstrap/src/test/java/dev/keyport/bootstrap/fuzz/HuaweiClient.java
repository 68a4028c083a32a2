package dev.keyport.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One tenant's Huawei client: any bytes POSTed to {@code /v1.0/{project}/kms/<operation>}, signed with AK/SK
 * SDK-HMAC-SHA256 over exactly those bytes, as huawei-kms-api.md §4.1 describes the SDK's signer (checked against the
 * SDK's own output in {@code FuzzSignersTest}).
 */
final class HuaweiClient {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpClient http;
    private final String host;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private final String project;

    HuaweiClient(HttpClient http, String host, int port, String accessKey, String secretKey, String project) {
        this.http = http;
        this.host = host;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.project = project;
    }

    Answer post(String operation, byte[] body, String contentType) {
        String path = "/v1.0/" + project + "/kms/" + operation;
        String authority = host + ":" + port;
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(SDK_DATE);
        Map<String, String> signed = new TreeMap<>(Map.of("host", authority, "x-project-id", project,
                "x-sdk-date", date));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + authority + path))
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Project-Id", project)
                .header("X-Sdk-Date", date)
                .header("Authorization", authorization(accessKey, secretKey, "POST", path, "", signed, body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Answer.huawei(response.statusCode(), response.headers().firstValue("X-Request-Id").orElse(null),
                    response.body());
        } catch (java.io.IOException e) {
            return Answer.noAnswer(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.noAnswer("interrupted");
        }
    }

    /** For setting keys up: the operation must succeed; its body is returned. */
    JsonNode require(String operation, String body) {
        Answer answer = post(operation, body.getBytes(StandardCharsets.UTF_8), FuzzPlan.HUAWEI_CONTENT_TYPE);
        if (answer.refused() || !answer.problems().isEmpty()) {
            throw new IllegalStateException("setup: Huawei " + operation + " " + body + " was answered "
                    + answer.status() + " " + answer.code() + " " + answer.problems());
        }
        return answer.body();
    }

    /**
     * The Authorization header of SDK-HMAC-SHA256: the canonical request (method, URI with a "/" after every segment,
     * sorted query, the signed headers lower-cased and sorted, their names, the body's SHA-256), hashed and MACed with
     * the SK, no key derivation.
     */
    static String authorization(String accessKey, String secretKey, String method, String path, String query,
                                Map<String, String> signedHeaders, byte[] body) {
        TreeMap<String, String> headers = new TreeMap<>(signedHeaders);
        StringBuilder uri = new StringBuilder("/");
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                uri.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")
                        .replace("*", "%2A").replace("%7E", "~")).append('/');
            }
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String names = String.join(";", headers.keySet());
        String canonical = String.join("\n", method, uri, query, canonicalHeaders, names, sha256Hex(body));
        String stringToSign = "SDK-HMAC-SHA256\n" + headers.get("x-sdk-date") + "\n"
                + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
            return "SDK-HMAC-SHA256 Access=" + accessKey + ", SignedHeaders=" + names + ", Signature=" + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
