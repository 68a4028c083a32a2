package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client that signs by the book (Tencent's "signature v3" and "signature v1" pages), written apart from the server
 * so that tests can sign a request and then tamper with it.
 */
final class TestSigner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The error code of an answer, which is HTTP 200 with a RequestId as every answer is ("" for a success). */
    static String errorCode(HttpResponse<String> http) throws Exception {
        assertThat(http.statusCode()).isEqualTo(200);
        JsonNode response = JSON.readTree(http.body()).get("Response");
        assertThat(response.path("RequestId").asText()).as(http.body()).isNotEmpty();
        return response.path("Error").path("Code").asText();
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String secretId;
    private final String secretKey;
    private final String host;

    TestSigner(String secretId, String secretKey, int port) {
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.host = "127.0.0.1:" + port;
    }

    /** A TC3-signed JSON POST, as its parts, so a test can change any of them after signing. */
    static final class Tc3Post {
        String action;
        String body;
        String contentType = "application/json; charset=utf-8";
        long timestamp = Instant.now().getEpochSecond();
        String region = "ap-guangzhou";
        String version = "2019-01-18";
        String service = "kms";
        String signedHeaders = "content-type;host";
        /** The host to sign, when not the one the request is sent to (Tencent's Node SDK signs it without port). */
        String signedHost;
        Map<String, String> extraHeaders = new LinkedHashMap<>();
        String authorization;
    }

    Tc3Post tc3(String action, String body) {
        Tc3Post post = new Tc3Post();
        post.action = action;
        post.body = body;
        return post;
    }

    /** Computes the Authorization of {@code post} as it is now. */
    Tc3Post sign(Tc3Post post) {
        post.authorization = signOverHash(post, sha256(post.body));
        return post;
    }

    /** The Authorization of {@code post} with {@code payloadHash} as the hash of its body. */
    String signOverHash(Tc3Post post, String payloadHash) {
        String date = LocalDate.ofInstant(Instant.ofEpochSecond(post.timestamp), ZoneOffset.UTC).toString();
        Map<String, String> headers = new TreeMap<>();
        post.extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(), v.strip().toLowerCase()));
        headers.put("content-type", post.contentType.toLowerCase());
        headers.put("host", post.signedHost != null ? post.signedHost : host);
        headers.put("x-tc-action", post.action.toLowerCase());
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : post.signedHeaders.split(";")) {
            canonicalHeaders.append(name).append(':').append(headers.get(name)).append('\n');
        }
        String canonical = "POST\n/\n\n" + canonicalHeaders + "\n" + post.signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + post.service + "/tc3_request";
        String toSign = "TC3-HMAC-SHA256\n" + post.timestamp + "\n" + scope + "\n" + sha256(canonical);
        byte[] k = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, post.service);
        k = hmac(k, "tc3_request");
        String signature = HexFormat.of().formatHex(hmac(k, toSign));
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders="
                + post.signedHeaders + ", Signature=" + signature;
    }

    HttpResponse<String> send(Tc3Post post) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(post.body))
                .header("Content-Type", post.contentType)
                .header("Authorization", post.authorization)
                .header("X-TC-Action", post.action)
                .header("X-TC-Timestamp", Long.toString(post.timestamp))
                .header("X-TC-Version", post.version);
        if (post.region != null) {
            request.header("X-TC-Region", post.region);
        }
        post.extraHeaders.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code post} with {@code body} as its bytes, signed over exactly those bytes. */
    HttpResponse<String> sendBytes(Tc3Post post, byte[] body) throws Exception {
        post.authorization = signOverHash(post, HexFormat.of().formatHex(sha256Bytes(body)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", post.contentType)
                .header("Authorization", post.authorization)
                .header("X-TC-Action", post.action)
                .header("X-TC-Timestamp", Long.toString(post.timestamp))
                .header("X-TC-Version", post.version)
                .header("X-TC-Region", post.region);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs and sends a JSON POST in one go. */
    HttpResponse<String> post(String action, String body) throws Exception {
        return send(sign(tc3(action, body)));
    }

    /** The query string of a v1-signed request (method GET or POST), parameters in the order given. */
    String v1Query(String method, String signatureMethod, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("Version", "2019-01-18");
        all.putIfAbsent("Region", "ap-guangzhou");
        all.putIfAbsent("Timestamp", Long.toString(Instant.now().getEpochSecond()));
        all.putIfAbsent("Nonce", "11886");
        all.put("SecretId", secretId);
        all.put("SignatureMethod", signatureMethod);
        StringBuilder toSign = new StringBuilder(method).append(host).append("/?");
        new TreeMap<>(all).forEach((k, v) -> toSign.append(k).append('=').append(v).append('&'));
        toSign.setLength(toSign.length() - 1);
        String algorithm = signatureMethod.equals("HmacSHA1") ? "HmacSHA1" : "HmacSHA256";
        all.put("Signature", Base64.getEncoder().encodeToString(mac(algorithm,
                secretKey.getBytes(StandardCharsets.UTF_8), toSign.toString())));
        StringBuilder query = new StringBuilder();
        all.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** The query string of a v1-signed request whose parameters are signed as given, in the order given. */
    String v1QueryAsIs(String method, String signatureMethod, Map<String, String> all) {
        StringBuilder toSign = new StringBuilder(method).append(host).append("/?");
        new TreeMap<>(all).forEach((k, v) -> toSign.append(k.replace('_', '.')).append('=').append(v).append('&'));
        toSign.setLength(toSign.length() - 1);
        String algorithm = signatureMethod.equals("HmacSHA1") ? "HmacSHA1" : "HmacSHA256";
        Map<String, String> signed = new LinkedHashMap<>(all);
        signed.put("Signature", Base64.getEncoder().encodeToString(mac(algorithm,
                secretKey.getBytes(StandardCharsets.UTF_8), toSign.toString())));
        StringBuilder query = new StringBuilder();
        signed.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
                .append(encodeNames ? URLEncoder.encode(k, StandardCharsets.UTF_8) : k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** Whether {@link #v1QueryAsIs} percent-encodes the names too (for names that are not plain ASCII words). */
    boolean encodeNames;

    /** The common v1 parameters, for {@link #v1QueryAsIs}. */
    Map<String, String> v1Common(String action, String signatureMethod) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Action", action);
        all.put("Version", "2019-01-18");
        all.put("Region", "ap-guangzhou");
        all.put("Timestamp", Long.toString(Instant.now().getEpochSecond()));
        all.put("Nonce", "11886");
        all.put("SecretId", secretId);
        all.put("SignatureMethod", signatureMethod);
        return all;
    }

    /** The raw bytes of a TC3-signed JSON POST as a test may change them: request line, headers, body. */
    String raw(Tc3Post post) {
        StringBuilder raw = new StringBuilder("POST / HTTP/1.1\r\n");
        raw.append("Host: ").append(host).append("\r\n");
        raw.append("Content-Type: ").append(post.contentType).append("\r\n");
        raw.append("Authorization: ").append(post.authorization).append("\r\n");
        raw.append("X-TC-Action: ").append(post.action).append("\r\n");
        raw.append("X-TC-Timestamp: ").append(post.timestamp).append("\r\n");
        raw.append("X-TC-Version: ").append(post.version).append("\r\n");
        if (post.region != null) {
            raw.append("X-TC-Region: ").append(post.region).append("\r\n");
        }
        post.extraHeaders.forEach((k, v) -> raw.append(k).append(": ").append(v).append("\r\n"));
        byte[] body = post.body.getBytes(StandardCharsets.UTF_8);
        raw.append("Content-Length: ").append(body.length).append("\r\n");
        raw.append("Connection: close\r\n\r\n").append(post.body);
        return raw.toString();
    }

    /** The raw bytes of a TC3 POST whose body is {@code body}, signed over exactly those bytes. */
    byte[] rawWithBody(Tc3Post post, byte[] body) {
        post.authorization = signOverHash(post, HexFormat.of().formatHex(sha256Bytes(body)));
        String raw = raw(post);
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"))
                .replaceFirst("Content-Length: \\d+", "Content-Length: " + body.length);
        byte[] headBytes = (head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static byte[] sha256Bytes(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + "/?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        return mac("HmacSHA256", key, data);
    }

    private static byte[] mac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
