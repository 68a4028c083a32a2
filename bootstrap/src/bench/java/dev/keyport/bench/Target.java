package dev.keyport.bench;

import io.vertx.core.buffer.Buffer;

/** A listener the benchmark sends to (on 127.0.0.1), and how to tell its successes from its errors. */
interface Target {

    /** For the report: "Keyport Tencent API", "local-kms" … */
    String name();

    int port();

    /** Null when the answer is a success, else the error as a short code ("InvalidParameter", "404 KMS.0207"). */
    String error(int status, Buffer body);

    /** The value of the JSON string field {@code "name":"…"} that follows {@code after} in {@code text}, or null. */
    static String stringField(String text, String after, String name) {
        int from = after == null ? 0 : text.indexOf(after);
        if (from < 0) {
            return null;
        }
        String key = "\"" + name + "\":\"";
        int start = text.indexOf(key, from);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = text.indexOf('"', start);
        return end < 0 ? null : text.substring(start, end);
    }
}
