package dev.keyport.adapter.tencent;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API 3.0 request as received, before it is trusted: how it was sent, and its parameters as strings (GET query
 * or form body) or as the JSON body. Size limits are Tencent's: GET 32 KB, v1 POST 1 MB, TC3 POST 10 MB.
 *
 * <p>One request has one meaning: every byte that decides it is either signed or refused. So a parameter or a
 * routing header given twice, a query string on a POST (TC3 signs none, v1 signs only the form body), a body on a
 * GET, a {@code Content-Type} other than the two the API speaks, a charset other than UTF-8, and a parameter that
 * is not percent-encoded UTF-8 are all refused here, before the signature is checked.
 */
record IncomingRequest(String method, String host, String rawQuery, String contentType, MultiMap headers,
                       byte[] body, Kind kind, Map<String, String> flatParams) {

    static final int GET_LIMIT = 32 * 1024;
    static final int FORM_LIMIT = 1024 * 1024;
    static final int JSON_LIMIT = 10 * 1024 * 1024;
    /** More parameters than any KMS action has (DescribeKeys: 100 ids and the common ones), never truncated. */
    static final int MAX_PARAMETERS = 1000;
    /**
     * The headers that route, scope or sign a request: each may be sent once. (Any other header named in a TC3
     * SignedHeaders list is checked by the {@link TencentAuthenticator}.)
     */
    static final List<String> SINGLE_HEADERS = List.of("Host", "Authorization", "Content-Type", "X-TC-Action",
            "X-TC-Region", "X-TC-Version", "X-TC-Timestamp", "X-TC-Token", "X-TC-Content-SHA256", "X-TC-Language",
            "X-TC-RequestClient");

    enum Kind {
        /** parameters in the query string */
        GET,
        /** POST application/x-www-form-urlencoded, signed with v1 */
        FORM,
        /** POST application/json, signed with TC3 */
        JSON
    }

    static IncomingRequest from(RoutingContext ctx) {
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        return of(ctx.request().method(), ctx.request().query(), ctx.request().headers(), body);
    }

    /** The request from its parts as the HTTP layer decoded them; {@code rawQuery} is null when there is none. */
    static IncomingRequest of(HttpMethod method, String rawQuery, MultiMap headers, byte[] body) {
        if (rawQuery != null && rawQuery.length() > GET_LIMIT) {
            throw sizeExceeded(GET_LIMIT);
        }
        for (String name : SINGLE_HEADERS) {
            checkSingle(headers, name);
        }
        String contentType = headers.get("Content-Type");
        String host = headers.get("Host");
        Kind kind;
        Map<String, String> flat;
        if (HttpMethod.GET.equals(method)) {
            if (body.length > 0) {
                throw TencentErrors.BODY_ON_GET.exception();
            }
            kind = Kind.GET;
            flat = decode(rawQuery, "the query string");
        } else if (HttpMethod.POST.equals(method)) {
            if (rawQuery != null && !rawQuery.isEmpty()) {
                throw TencentErrors.QUERY_ON_POST.exception();
            }
            String type = mediaType(contentType);
            if (type.equals("application/json")) {
                kind = Kind.JSON;
                flat = Map.of();
            } else if (type.equals("application/x-www-form-urlencoded")) {
                if (body.length > FORM_LIMIT) {
                    throw sizeExceeded(FORM_LIMIT);
                }
                kind = Kind.FORM;
                flat = decode(new String(body, StandardCharsets.ISO_8859_1), "the form body");
            } else if (type.equals("multipart/form-data")) {
                throw TencentErrors.MULTIPART.exception();
            } else {
                throw TencentErrors.MEDIA_TYPE_NOT_SUPPORTED.exception();
            }
        } else {
            throw TencentErrors.METHOD_NOT_SUPPORTED.exception();
        }
        return new IncomingRequest(method.name(), host == null ? "" : host, rawQuery == null ? "" : rawQuery,
                contentType == null ? "" : contentType, headers, body, kind, flat);
    }

    static TencentException sizeExceeded(int limit) {
        return TencentErrors.TOO_LARGE.exception(limit / 1024);
    }

    /** A header that decides the request, sent at most once and without control characters. */
    static void checkSingle(MultiMap headers, String name) {
        List<String> values = headers.getAll(name);
        if (values.size() > 1) {
            throw TencentErrors.HEADER_TWICE.exception(TencentException.quote(name));
        }
        if (values.size() == 1 && hasControlCharacter(values.get(0))) {
            throw TencentErrors.HEADER_CONTROL_CHARACTER.exception(TencentException.quote(name));
        }
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * The media type of a POST, lower-cased, without parameters; a charset other than UTF-8 is refused, since the
     * API reads every request as UTF-8 (Tencent: "均使用 UTF-8 编码").
     */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        String[] parts = contentType.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String charset = parameter.substring(eq + 1).strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw TencentErrors.CHARSET_NOT_SUPPORTED.exception(TencentException.quote(charset));
                }
            }
        }
        return parts[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Form-style parameters: {@code &}-separated (a {@code ;} is an ordinary character), {@code +} is a space (as
     * the SDK's URLEncoder writes it), percent-escapes must decode to UTF-8. A name given twice, or no name
     * ({@code =x}), is refused; empty parts ({@code a=1&&b=2}) carry nothing and are skipped.
     */
    static Map<String, String> decode(String encoded, String where) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String part : encoded.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = component(eq < 0 ? part : part.substring(0, eq), where);
            if (name.isEmpty()) {
                // a parameter without a name means nothing, and decoders disagree on whether it is there at all
                throw TencentErrors.NAMELESS_PARAMETER.exception(where);
            }
            String value = eq < 0 ? "" : component(part.substring(eq + 1), where);
            if (params.putIfAbsent(name, value) != null) {
                throw TencentErrors.PARAMETER_TWICE.exception(TencentException.quote(name));
            }
            if (params.size() > MAX_PARAMETERS) {
                throw TencentErrors.TOO_MANY_PARAMETERS.exception(MAX_PARAMETERS);
            }
        }
        return params;
    }

    private static String component(String text, String where) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw notEncoded(where);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                throw notEncoded(where); // raw spaces, control characters and non-ASCII are not URL-encoded
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notEncoded(where);
        }
    }

    private static TencentException notEncoded(String where) {
        return TencentErrors.NOT_PERCENT_ENCODED.exception(where);
    }

    String header(String name) {
        return headers.get(name);
    }
}
