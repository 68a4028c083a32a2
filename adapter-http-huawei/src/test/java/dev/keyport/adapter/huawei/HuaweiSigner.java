package dev.keyport.adapter.huawei;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A client that signs by Huawei's AK/SK guide, apart from the server, so tests can tamper after signing. */
final class HuaweiSigner {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** One POST, as its parts. */
    static final class Post {
        String method = "POST";
        String path;
        /** The path as the signature's canonical URI has it (without the final "/"), when it differs from path. */
        String canonicalPath;
        /** The canonical query, "" for none. */
        String canonicalQuery = "";
        String body;
        /** The body's bytes when they are not the UTF-8 of {@code body}. */
        byte[] bodyBytes;
        Map<String, String> headers = new LinkedHashMap<>();
        String authorization;

        byte[] bytes() {
            return bodyBytes != null ? bodyBytes : body.getBytes(StandardCharsets.UTF_8);
        }

        /** The request's header lines for {@link RawHttp}: the signed ones, Authorization and the content type. */
        java.util.List<String> headerLines() {
            java.util.List<String> lines = new java.util.ArrayList<>();
            headers.forEach((k, v) -> lines.add(k + ": " + v));
            if (authorization != null) {
                lines.add("Authorization: " + authorization);
            }
            if (!headers.containsKey("content-type")) {
                lines.add("Content-Type: application/json;charset=UTF-8");
            }
            return lines;
        }
    }

    static Post post(int port, String project, String operation, String body) {
        Post post = new Post();
        post.path = "/v1.0/" + project + "/kms/" + operation;
        post.body = body;
        post.headers.put("host", "127.0.0.1:" + port);
        post.headers.put("x-project-id", project);
        post.headers.put("x-sdk-date", SDK_DATE.format(Instant.now()));
        return post;
    }

    static Post sign(Post post, String ak, String sk) {
        Map<String, String> sorted = new TreeMap<>(post.headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        sorted.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", sorted.keySet());
        String path = post.canonicalPath == null ? post.path : post.canonicalPath;
        String canonical = post.method + "\n" + (path.equals("/") ? "/" : path + "/") + "\n" + post.canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                + sha256(post.bytes());
        String toSign = "SDK-HMAC-SHA256\n" + post.headers.get("x-sdk-date") + "\n" + sha256(canonical);
        post.authorization = "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=" + signedHeaders + ", Signature="
                + HexFormat.of().formatHex(hmac(sk, toSign));
        return post;
    }

    static HttpResponse<String> send(int port, Post post) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + post.path))
                .method(post.method, HttpRequest.BodyPublishers.ofByteArray(post.bytes()));
        if (!post.headers.containsKey("content-type")) {
            request.header("Content-Type", "application/json;charset=UTF-8");
        }
        post.headers.forEach((k, v) -> {
            if (!k.equals("host")) {
                request.header(k, v);
            }
        });
        if (post.authorization != null) {
            request.header("Authorization", post.authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
