package dev.keyport.adapter.huawei;

/**
 * A refusal in Huawei's terms: a row of {@link HuaweiErrors} — an HTTP status, a code and a message. KMS errors are
 * nested ({@code {"error":{…}}}); the API gateway's own (authentication, throttling, unknown API) are flat, with a
 * request id.
 */
final class HuaweiException extends RuntimeException {

    private final HuaweiErrors.Row row;

    HuaweiException(HuaweiErrors.Row row) {
        super(row.message(), null, false, false);
        this.row = row;
    }

    int status() {
        return row.status();
    }

    String code() {
        return row.code();
    }

    boolean gateway() {
        return row.gateway();
    }
}
