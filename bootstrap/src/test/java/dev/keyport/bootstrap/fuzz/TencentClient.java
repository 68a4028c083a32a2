package dev.keyport.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.Sign;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One tenant's Tencent client. JSON bodies go through the official SDK's {@link CommonClient} (TC3, exactly as the
 * SDK signs); GET requests are signed with v1 by the SDK's own {@link Sign}; bodies of arbitrary bytes are signed with
 * TC3 by the test, from the SDK's hash and MAC primitives.
 */
final class TencentClient {

    static final String VERSION = "2019-01-18";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CommonClient sdk;
    private final HttpClient http;
    private final String host;
    private final int port;
    private final String secretId;
    private final String secretKey;
    private final String region;

    TencentClient(HttpClient http, String host, int port, String secretId, String secretKey, String region) {
        this.http = http;
        this.host = host;
        this.port = port;
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.region = region;
        HttpProfile profile = new HttpProfile();
        profile.setEndpoint(host + ":" + port);
        profile.setProtocol("http://");
        ClientProfile client = new ClientProfile();
        client.setHttpProfile(profile);
        this.sdk = new CommonClient("kms", VERSION, new Credential(secretId, secretKey), region, client);
    }

    /** A JSON body, signed and sent by the SDK. The SDK hides the status of a non-200 answer in its message. */
    Answer json(String action, String body) {
        try {
            String raw = sdk.call(action, body);
            return Answer.tencent(200, raw.getBytes(StandardCharsets.UTF_8));
        } catch (TencentCloudSDKException e) {
            if (e.getErrorCode() == null || e.getErrorCode().isEmpty() || "ServerSideError".equals(e.getErrorCode())) {
                return new Answer(statusIn(e.getMessage()), e.getErrorCode(), true, List.of(
                        "not Tencent's answer, the SDK says: " + oneLine(e.getMessage())), null);
            }
            List<String> problems = new java.util.ArrayList<>();
            if (e.getRequestId() == null || e.getRequestId().isEmpty()) {
                problems.add("no RequestId");
            }
            if (e.getErrorCode().startsWith("InternalError")) {
                problems.add("InternalError for a client's mistake");
            }
            return new Answer(200, e.getErrorCode(), true, problems, null);
        } catch (RuntimeException e) {
            return new Answer(0, null, true, List.of("the SDK cannot read the answer: " + e), null);
        }
    }

    /** Any bytes under any content type, POSTed with a TC3 signature over them. */
    Answer raw(String action, byte[] body, String contentType) {
        long timestamp = Instant.now().getEpochSecond();
        String date = LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString();
        String authority = host + ":" + port;
        String canonical = "POST\n/\n\ncontent-type:" + contentType.strip().toLowerCase(java.util.Locale.ROOT)
                + "\nhost:" + authority + "\n\ncontent-type;host\n" + sha256Hex(body);
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/kms/tc3_request\n"
                + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        String signature;
        try {
            byte[] secretDate = Sign.hmac256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
            byte[] secretService = Sign.hmac256(secretDate, "kms");
            byte[] secretSigning = Sign.hmac256(secretService, "tc3_request");
            signature = HexFormat.of().formatHex(Sign.hmac256(secretSigning, stringToSign));
        } catch (TencentCloudSDKException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + authority + "/"))
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "TC3-HMAC-SHA256 Credential=" + secretId + "/" + date
                        + "/kms/tc3_request, SignedHeaders=content-type;host, Signature=" + signature)
                .header("X-TC-Action", action)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("X-TC-Version", VERSION)
                .header("X-TC-Region", region);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /**
     * A GET with the action's parameters as given (encoded) and the common ones, signed with v1 HmacSHA256 over the
     * parameters as the server decodes them. A query a URI cannot hold goes over a plain socket.
     */
    Answer get(String action, List<String[]> encodedPairs) {
        StringBuilder query = new StringBuilder();
        for (String[] pair : encodedPairs) {
            query.append(query.length() == 0 ? "" : "&").append(pair[0]);
            if (pair[1] != null) {
                query.append('=').append(pair[1]);
            }
        }
        long timestamp = Instant.now().getEpochSecond();
        for (String[] common : List.of(new String[] {"Action", action}, new String[] {"Version", VERSION},
                new String[] {"Region", region}, new String[] {"Timestamp", Long.toString(timestamp)},
                new String[] {"Nonce", Integer.toString(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE))},
                new String[] {"SecretId", secretId}, new String[] {"SignatureMethod", "HmacSHA256"})) {
            query.append(query.length() == 0 ? "" : "&").append(common[0]).append('=').append(Bodies.encode(common[1]));
        }
        String authority = host + ":" + port;
        String signature;
        try {
            TreeMap<String, String> signed = new TreeMap<>();
            for (Map.Entry<String, List<String>> e : new QueryStringDecoder(query.toString(), StandardCharsets.UTF_8,
                    false).parameters().entrySet()) {
                signed.put(e.getKey(), e.getValue().get(0));
            }
            signature = Sign.sign(secretKey, Sign.makeSignPlainText(signed, "GET", authority, "/"), "HmacSHA256");
        } catch (IllegalArgumentException | TencentCloudSDKException e) {
            signature = "not-signable"; // the query cannot be decoded: the server cannot check any signature
        }
        query.append("&Signature=").append(Bodies.encode(signature));
        URI uri;
        try {
            uri = new URI("http://" + authority + "/?" + query);
            if (!query.toString().equals(uri.getRawQuery())) {
                throw new java.net.URISyntaxException(query.toString(), "changed by the URI parser");
            }
        } catch (java.net.URISyntaxException e) {
            try {
                RawHttp.Response response = RawHttp.get(host, port, "/?" + query, TIMEOUT);
                return Answer.tencent(response.status(), response.body());
            } catch (java.io.IOException io) {
                return Answer.noAnswer(io.toString());
            }
        }
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return Answer.tencent(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return Answer.noAnswer(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.noAnswer("interrupted");
        }
    }

    /** For setting keys up: the action must succeed; its Response object is returned. */
    JsonNode require(String action, String body) {
        Answer answer = json(action, body);
        if (answer.refused() || !answer.problems().isEmpty()) {
            throw new IllegalStateException("setup: Tencent " + action + " " + body + " was answered " + answer.code()
                    + " " + answer.problems());
        }
        return answer.body();
    }

    private static String sha256Hex(byte[] data) {
        try {
            return Sign.sha256Hex(data);
        } catch (TencentCloudSDKException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int statusIn(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("response code is (\\d{3})")
                .matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String oneLine(String text) {
        String flat = String.valueOf(text).replace("\n", "\\n");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
