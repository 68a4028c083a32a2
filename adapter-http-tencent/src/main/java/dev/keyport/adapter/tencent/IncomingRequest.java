package dev.keyport.adapter.tencent;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API 3.0 request as received, before it is trusted: how it was sent, and its parameters as strings (GET query
 * or form body) or as the JSON body. Size limits are Tencent's: GET 32 KB, v1 POST 1 MB, TC3 POST 10 MB.
 */
record IncomingRequest(String method, String host, String rawQuery, String contentType, MultiMap headers,
                       byte[] body, Kind kind, Map<String, String> flatParams) {

    static final int GET_LIMIT = 32 * 1024;
    static final int FORM_LIMIT = 1024 * 1024;
    static final int JSON_LIMIT = 10 * 1024 * 1024;

    enum Kind {
        /** parameters in the query string */
        GET,
        /** POST application/x-www-form-urlencoded, signed with v1 */
        FORM,
        /** POST application/json, signed with TC3 */
        JSON
    }

    static IncomingRequest from(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String rawQuery = ctx.request().query();
        String contentType = ctx.request().getHeader("Content-Type");
        String host = ctx.request().host(); // the Host header, or the :authority of an HTTP/2 request
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (rawQuery != null && rawQuery.length() > GET_LIMIT) {
            throw sizeExceeded(GET_LIMIT);
        }
        Kind kind;
        Map<String, String> flat;
        if (HttpMethod.GET.equals(method)) {
            kind = Kind.GET;
            flat = decode(rawQuery);
        } else if (HttpMethod.POST.equals(method)) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
            if (type.startsWith("application/json")) {
                kind = Kind.JSON;
                flat = decode(rawQuery);
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                if (body.length > FORM_LIMIT) {
                    throw sizeExceeded(FORM_LIMIT);
                }
                kind = Kind.FORM;
                flat = decode(new String(body, StandardCharsets.UTF_8));
            } else if (type.startsWith("multipart/form-data")) {
                throw new TencentException("InvalidRequest", "multipart/form-data requests are not supported.");
            } else {
                throw new TencentException("UnsupportedProtocol",
                        "POST requests are application/json (TC3) or application/x-www-form-urlencoded (v1).");
            }
        } else {
            throw new TencentException("UnsupportedProtocol", "Only GET and POST requests are supported.");
        }
        return new IncomingRequest(method.name(), host == null ? "" : host, rawQuery == null ? "" : rawQuery,
                contentType == null ? "" : contentType, ctx.request().headers(), body, kind, flat);
    }

    static TencentException sizeExceeded(int limit) {
        return new TencentException("RequestSizeLimitExceeded",
                "The request exceeds the size limit of " + limit / 1024 + " KB for its kind.");
    }

    /** Form-style parameters, decoded ('+' is a space, as the SDK's URLEncoder writes it); the first of a repeat. */
    private static Map<String, String> decode(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (Map.Entry<String, List<String>> e : new QueryStringDecoder(encoded, StandardCharsets.UTF_8, false)
                .parameters().entrySet()) {
            params.put(e.getKey(), e.getValue().get(0));
        }
        return params;
    }

    String header(String name) {
        return headers.get(name);
    }
}
