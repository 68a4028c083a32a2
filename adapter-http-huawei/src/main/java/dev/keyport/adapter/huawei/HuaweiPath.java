package dev.keyport.adapter.huawei;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request path as its segments, percent-decoded strictly (a {@code %} must start two hex digits, and the bytes must
 * be UTF-8). Routing and the signature's canonical URI are both built from these segments, so a request means what
 * its signature covers: {@code /kms/%64escribe-key} is describe-key under both, and {@code %2F} stays inside its
 * segment under both.
 */
record HuaweiPath(List<String> segments) {

    HuaweiPath {
        segments = List.copyOf(segments);
    }

    /**
     * The segments between the slashes of {@code rawPath}, empty ones included ({@code "/a//b/"} is {@code a, "", b,
     * ""}), so that {@code //} or a trailing slash never reads as another path.
     *
     * @throws HuaweiException 400 {@code APIGW.0201} for a path that is not "/"-rooted percent-encoded UTF-8
     */
    static HuaweiPath parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw badPath();
        }
        if (rawPath.equals("/")) {
            return new HuaweiPath(List.of());
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(1).split("/", -1)) {
            segments.add(decode(segment, false));
        }
        return new HuaweiPath(segments);
    }

    /**
     * The canonical URI of SDK-HMAC-SHA256, as Huawei's SDKs build it: the path split on "/" (trailing empty parts
     * dropped), each part decoded and encoded per RFC 3986, "/" after every part; "/" for the root.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw badPath();
        }
        if (rawPath.equals("/")) {
            return "/";
        }
        StringBuilder uri = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            uri.append(encode(decode(segment, false))).append('/');
        }
        return uri.toString();
    }

    /**
     * Percent-decodes {@code text} strictly.
     *
     * @param plusIsSpace true in a query string, where "+" stands for a space
     */
    static String decode(String text, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw badPath();
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c <= 0xff) {
                bytes.write(c); // Netty reads the request line byte by byte, as Latin-1
            } else {
                throw badPath();
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw badPath();
        }
    }

    /** RFC 3986 encoding of the UTF-8 bytes of {@code text}: unreserved characters stay, all others are %XX. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static HuaweiException badPath() {
        return HuaweiErrors.BAD_REQUEST.exception("the URL is not valid percent-encoded UTF-8");
    }

    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }

    /** For tests and messages: the segments as given. */
    static HuaweiPath of(String... segments) {
        return new HuaweiPath(Arrays.asList(segments));
    }
}
