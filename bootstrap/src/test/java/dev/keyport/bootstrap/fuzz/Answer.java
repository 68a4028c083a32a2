package dev.keyport.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server answered to one request, judged against the vendor's contract: the HTTP status, the vendor's error
 * code (null on success), whether the request was refused, and every way the answer breaks the contract.
 *
 * @param body the parsed answer (the Tencent {@code Response} object, the Huawei body), or null
 */
record Answer(int status, String code, boolean refused, List<String> problems, JsonNode body) {

    static Answer noAnswer(String why) {
        return new Answer(0, null, true, List.of("no answer: " + why), null);
    }

    /** Tencent: HTTP 200 and {"Response":{…,"RequestId"}}, with Error{Code,Message} on failure; no InternalError. */
    static Answer tencent(int status, byte[] raw) {
        List<String> problems = new ArrayList<>();
        if (status != 200) {
            problems.add("HTTP " + status + ", not 200");
        }
        JsonNode root;
        try {
            root = FuzzPlan.JSON.readTree(raw);
        } catch (Exception e) {
            problems.add("the body is not JSON: " + excerpt(raw));
            return new Answer(status, null, true, problems, null);
        }
        JsonNode response = root == null ? null : root.get("Response");
        if (response == null || !response.isObject()) {
            problems.add("no Response object: " + excerpt(raw));
            return new Answer(status, null, true, problems, null);
        }
        JsonNode requestId = response.get("RequestId");
        if (requestId == null || !requestId.isTextual() || requestId.textValue().isEmpty()) {
            problems.add("no RequestId");
        }
        JsonNode error = response.get("Error");
        if (error == null) {
            return new Answer(status, null, status != 200, problems, response);
        }
        JsonNode code = error.get("Code");
        JsonNode message = error.get("Message");
        if (code == null || !code.isTextual() || code.textValue().isEmpty() || message == null
                || !message.isTextual()) {
            problems.add("Error without a Code and a Message: " + excerpt(raw));
            return new Answer(status, null, true, problems, response);
        }
        if (code.textValue().startsWith("InternalError")) {
            problems.add("InternalError for a client's mistake");
        }
        return new Answer(status, code.textValue(), true, problems, response);
    }

    /**
     * Huawei: a 2xx with a JSON object; a 4xx with {"error":{"error_code","error_msg"}} or the gateway's flat
     * {"error_code","error_msg",…}; never a 5xx (not even 503: nothing here is transient), never KMS.0101; an
     * X-Request-Id on every answer.
     */
    static Answer huawei(int status, String requestIdHeader, byte[] raw) {
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("HTTP " + status + " for a client's mistake");
        } else if (status != 200 && (status < 400 || status > 499)) {
            problems.add("HTTP " + status + " is neither success nor a client error");
        }
        if (requestIdHeader == null || requestIdHeader.isEmpty()) {
            problems.add("no X-Request-Id header");
        }
        JsonNode root;
        try {
            root = FuzzPlan.JSON.readTree(raw);
        } catch (Exception e) {
            problems.add("the body is not JSON: " + excerpt(raw));
            return new Answer(status, null, status != 200, problems, null);
        }
        if (root == null || !root.isObject()) {
            problems.add("the body is not a JSON object: " + excerpt(raw));
            return new Answer(status, null, status != 200, problems, root);
        }
        if (status == 200) {
            return new Answer(status, null, false, problems, root);
        }
        JsonNode error = root.get("error") != null && root.get("error").isObject() ? root.get("error") : root;
        JsonNode code = error.get("error_code");
        JsonNode message = error.get("error_msg");
        if (code == null || !code.isTextual() || code.textValue().isEmpty() || message == null
                || !message.isTextual()) {
            problems.add("not Huawei's error shape: " + excerpt(raw));
            return new Answer(status, null, true, problems, root);
        }
        if (code.textValue().equals("KMS.0101")) {
            problems.add("KMS.0101 for a client's mistake");
        }
        return new Answer(status, code.textValue(), true, problems, root);
    }

    boolean authenticationFailure() {
        return code != null && (code.startsWith("AuthFailure") || code.equals("APIGW.0301"));
    }

    static String excerpt(byte[] raw) {
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace("\n", "\\n")
                .replace("\r", "\\r");
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
