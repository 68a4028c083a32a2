package dev.keyport.adapter.tencent;

import java.util.Collection;
import java.util.List;

/**
 * A refusal in Tencent's terms: a row of {@link TencentErrors} — the {@code Response.Error} a client receives, with
 * HTTP 200.
 */
final class TencentException extends RuntimeException {

    private final TencentErrors.Row row;

    TencentException(TencentErrors.Row row) {
        super(row.message(), null, false, false);
        this.row = row;
    }

    int status() {
        return row.status();
    }

    String code() {
        return row.code();
    }

    /**
     * A client's text inside a message: in backquotes, at most 64 characters, control characters escaped, so that
     * an answer never carries more of a hostile value than it needs to name it.
     */
    static String quote(String text) {
        String value = text == null ? "" : text;
        StringBuilder quoted = new StringBuilder("`");
        int shown = Math.min(value.length(), 64);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (value.length() > shown) {
            quoted.append('…');
        }
        return quoted.append('`').toString();
    }

    /** Values as a message lists them, in the order given: "a", "a or b", "a, b or c". */
    static String either(Collection<?> values) {
        List<String> names = values.stream().map(String::valueOf).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
