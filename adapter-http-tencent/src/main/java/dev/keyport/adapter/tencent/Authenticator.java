package dev.keyport.adapter.tencent;

import dev.keyport.application.port.out.TenantDirectory;
import dev.keyport.application.port.out.TencentCredential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a request's signature against the credential the tenant directory holds: TC3-HMAC-SHA256 (headers) or the
 * v1 HmacSHA1/HmacSHA256 scheme (parameters). Comparisons are constant-time; the timestamp must be within 5 minutes.
 */
final class Authenticator {

    static final long MAX_SKEW_SECONDS = 300;
    /** The common parameters of a v1 request, which are not the action's own. */
    static final Set<String> V1_COMMON = Set.of("Action", "Version", "Region", "Timestamp", "Nonce", "SecretId",
            "SignatureMethod", "Signature", "Token", "Language", "RequestClient");

    private static final Pattern TC3 = Pattern.compile(
            "^TC3-HMAC-SHA256 Credential=([^/\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([^/\\s]+)/tc3_request,\\s*"
                    + "SignedHeaders=([a-z0-9;_.-]+),\\s*Signature=([0-9a-f]{64})$");

    private final TenantDirectory directory;
    private final Clock clock;

    Authenticator(TenantDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Who signed the request, and the common parameters it was signed with. */
    record Authenticated(TencentCredential credential, String action, String version, String region) {
    }

    Authenticated authenticate(IncomingRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            if (request.kind() == IncomingRequest.Kind.FORM) {
                throw invalidAuthorization("form-encoded POST requests are signed with HmacSHA1 or HmacSHA256");
            }
            return tc3(request, authorization);
        }
        if (request.flatParams().containsKey("Signature")) {
            if (request.kind() == IncomingRequest.Kind.JSON) {
                throw invalidAuthorization("application/json requests are signed with TC3-HMAC-SHA256");
            }
            return v1(request);
        }
        throw invalidAuthorization("the request carries no signature");
    }

    private Authenticated tc3(IncomingRequest request, String authorization) {
        Matcher m = TC3.matcher(authorization.strip());
        if (!m.matches()) {
            throw invalidAuthorization("the Authorization header is not in the TC3-HMAC-SHA256 format");
        }
        String secretId = m.group(1);
        String date = m.group(2);
        String service = m.group(3);
        String signedHeaders = m.group(4);
        String signature = m.group(5);
        Set<String> signed = Set.of(signedHeaders.split(";"));
        if (!signed.contains("host") || !signed.contains("content-type")) {
            throw invalidAuthorization("SignedHeaders must include content-type and host");
        }
        long timestamp = timestamp(request.header("X-TC-Timestamp"), "X-TC-Timestamp");
        if (request.header("X-TC-Token") != null && !request.header("X-TC-Token").isEmpty()) {
            throw new TencentException("AuthFailure.TokenFailure", "Temporary credentials are not supported.");
        }
        TencentCredential credential = credential(secretId);
        checkSkew(timestamp);
        if (!date.equals(LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString())) {
            throw signatureFailure();
        }

        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = request.header(name);
            canonicalHeaders.append(name).append(':')
                    .append(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)).append('\n');
        }
        String payloadHash = "UNSIGNED-PAYLOAD".equals(request.header("X-TC-Content-SHA256"))
                ? Signatures.sha256Hex("UNSIGNED-PAYLOAD".getBytes(StandardCharsets.UTF_8))
                : Signatures.sha256Hex(request.body());
        String canonicalQuery = request.kind() == IncomingRequest.Kind.GET ? request.rawQuery() : "";
        String canonicalRequest = request.method() + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + signedHeaders + "\n" + payloadHash;
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
                + Signatures.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String expected = Signatures.tc3(credential.secretKey().reveal(), date, service, stringToSign);
        if (!Signatures.constantTimeEquals(expected, signature)) {
            throw signatureFailure();
        }
        return new Authenticated(credential, request.header("X-TC-Action"), request.header("X-TC-Version"),
                request.header("X-TC-Region"));
    }

    private Authenticated v1(IncomingRequest request) {
        Map<String, String> params = request.flatParams();
        String secretId = params.get("SecretId");
        if (secretId == null || secretId.isEmpty()) {
            throw TencentException.missing("SecretId");
        }
        long timestamp = timestamp(params.get("Timestamp"), "Timestamp");
        if (params.get("Nonce") == null) {
            throw TencentException.missing("Nonce");
        }
        String method = params.getOrDefault("SignatureMethod", "HmacSHA1");
        if (!method.equals("HmacSHA1") && !method.equals("HmacSHA256")) {
            throw TencentException.invalidValue("SignatureMethod", "must be HmacSHA1 or HmacSHA256");
        }
        if (params.get("Token") != null && !params.get("Token").isEmpty()) {
            throw new TencentException("AuthFailure.TokenFailure", "Temporary credentials are not supported.");
        }
        TencentCredential credential = credential(secretId);
        checkSkew(timestamp);

        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("Signature")) {
                sorted.put(k.replace('_', '.'), v);
            }
        });
        StringBuilder stringToSign = new StringBuilder(request.method()).append(request.host()).append("/?");
        sorted.forEach((k, v) -> stringToSign.append(k).append('=').append(v).append('&'));
        stringToSign.setLength(stringToSign.length() - 1);
        byte[] mac = Signatures.hmac(method, credential.secretKey().utf8(), stringToSign.toString());
        byte[] given;
        try {
            given = Base64.getDecoder().decode(params.get("Signature"));
        } catch (IllegalArgumentException e) {
            throw signatureFailure();
        }
        if (!java.security.MessageDigest.isEqual(mac, given)) {
            throw signatureFailure();
        }
        Arrays.fill(mac, (byte) 0);
        return new Authenticated(credential, params.get("Action"), params.get("Version"), params.get("Region"));
    }

    private TencentCredential credential(String secretId) {
        return directory.findTencentCredential(secretId).orElseThrow(() -> new TencentException(
                "AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct."));
    }

    private void checkSkew(long timestamp) {
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
            throw new TencentException("AuthFailure.SignatureExpire",
                    "Signature expired. Timestamp and server time cannot differ by more than five minutes.");
        }
    }

    private static long timestamp(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw TencentException.missing(name);
        }
        if (!value.matches("\\d{1,12}")) {
            throw TencentException.invalidValue(name, "is not a unix timestamp in seconds");
        }
        return Long.parseLong(value);
    }

    private static TencentException invalidAuthorization(String why) {
        return new TencentException("AuthFailure.InvalidAuthorization",
                "The Authorization is not in Tencent Cloud's format: " + why + ".");
    }

    private static TencentException signatureFailure() {
        return new TencentException("AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct.");
    }
}
