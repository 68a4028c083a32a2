package dev.keyport.adapter.huawei;

/**
 * A refusal in Huawei's terms: an HTTP status and a code. KMS errors are nested ({@code {"error":{…}}}); the API
 * gateway's own (authentication, throttling, unknown API) are flat, with a request id.
 */
final class HuaweiException extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean gateway;

    private HuaweiException(int status, String code, String message, boolean gateway) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.gateway = gateway;
    }

    static HuaweiException kms(int status, String code, String message) {
        return new HuaweiException(status, code, message, false);
    }

    static HuaweiException badRequest(String code, String message) {
        return kms(400, code, message);
    }

    static HuaweiException gateway(int status, String code, String message) {
        return new HuaweiException(status, code, message, true);
    }

    static HuaweiException missing(String field) {
        return badRequest("KMS.0204", "Parameters missing in the request message: " + field + ".");
    }

    static HuaweiException invalid(String field) {
        return badRequest("KMS.0308", "Invalid parameter: " + field + ".");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    boolean gateway() {
        return gateway;
    }
}
