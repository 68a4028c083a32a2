package dev.keyport.adapter.tencent;

/** A refusal in Tencent's own terms: the {@code Response.Error} a client receives, with HTTP 200. */
final class TencentException extends RuntimeException {

    private final String code;

    TencentException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    static TencentException missing(String parameter) {
        return new TencentException("MissingParameter",
                "The request is missing a required parameter `" + parameter + "`.");
    }

    static TencentException invalid(String parameter, String why) {
        return new TencentException("InvalidParameter", "The parameter `" + parameter + "` " + why + ".");
    }

    static TencentException invalidValue(String parameter, String why) {
        return new TencentException("InvalidParameterValue", "The value of `" + parameter + "` " + why + ".");
    }

    static TencentException unknown(String parameter) {
        return new TencentException("UnknownParameter", "The parameter `" + parameter + "` is not recognized.");
    }
}
