package dev.keyport.adapter.tencent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a request's signature against the credential its lookup port finds: TC3-HMAC-SHA256 (headers) or the
 * v1 HmacSHA1/HmacSHA256 scheme (parameters). Comparisons are constant-time; the timestamp must be within 5 minutes.
 *
 * <p>Every part that decides a request is covered: v1 signs every parameter (a name with {@code _}, which the SDKs
 * sign as {@code .}, is refused, so that no two names sign alike); TC3 signs the method, the query, the body and
 * the headers it lists (each of which may be sent once), and what TC3 leaves unsigned ({@code X-TC-Action},
 * {@code X-TC-Region}, {@code X-TC-Version}) is pinned to the signature by the {@link SignatureMemory}.
 *
 * <p>A TC3 signature verifies against the {@code Host} as received, or against that Host without its port: Tencent's
 * Node SDK signs {@code host:<hostname>} and sends {@code Host: <hostname>:<port>}
 * (tencentcloud-sdk-nodejs {@code src/common/sign.ts}, {@code urlObj.hostname}).
 */
final class TencentAuthenticator {

    static final long MAX_SKEW_SECONDS = 300;
    /** The longest SecretId reported as presented; longer ones are cut. */
    static final int MAX_PRESENTED_SECRET_ID = 128;
    /** The common parameters of a v1 request, which are not the action's own. */
    static final Set<String> V1_COMMON = Set.of("Action", "Version", "Region", "Timestamp", "Nonce", "SecretId",
            "SignatureMethod", "Signature", "Token", "Language", "RequestClient");

    private static final Pattern TC3 = Pattern.compile(
            "^TC3-HMAC-SHA256 Credential=([^/\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([^/\\s]+)/tc3_request,\\s*"
                    + "SignedHeaders=([a-z0-9;_.-]+),\\s*Signature=([0-9a-f]{64})$");
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern PRESENTED = Pattern.compile("Credential=([^/,\\s]*)");
    /** A host name or IPv4 address, or a bracketed IPv6 address, then a port. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("^([^:\\[\\]]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}$");

    private final TencentCredentials credentials;
    private final Clock clock;
    private final SignatureMemory memory;

    TencentAuthenticator(TencentCredentials credentials, Clock clock, SignatureMemory memory) {
        this.credentials = credentials;
        this.clock = clock;
        this.memory = memory;
    }

    /** Who signed the request, and the common parameters it was signed with. */
    record Authenticated(TencentCredential credential, String action, String version, String region) {
    }

    /** The SecretId a request presents, signed or not: at most 128 characters, "" when it names none. */
    static String presentedSecretId(IncomingRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            return presentedSecretId(authorization);
        }
        return cut(request.flatParams().getOrDefault("SecretId", ""));
    }

    /** The SecretId named by an Authorization header, however malformed the rest of it is. */
    static String presentedSecretId(String authorization) {
        if (authorization == null) {
            return "";
        }
        Matcher m = PRESENTED.matcher(authorization);
        return m.find() ? cut(m.group(1)) : "";
    }

    private static String cut(String secretId) {
        return secretId.length() > MAX_PRESENTED_SECRET_ID ? secretId.substring(0, MAX_PRESENTED_SECRET_ID)
                : secretId;
    }

    /** Whether a refusal is a failed guess at a credential: a wrong signature, or a SecretId that does not exist. */
    static boolean isFailedAuthentication(TencentException e) {
        return e.code().equals(TencentErrors.SIGNATURE_FAILURE.code())
                || e.code().equals(TencentErrors.SECRET_ID_NOT_FOUND.code());
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
        List<String> names = List.of(signedHeaders.split(";"));
        if (!names.contains("host") || !names.contains("content-type")) {
            throw invalidAuthorization("SignedHeaders must include content-type and host");
        }
        for (String name : names) {
            List<String> values = request.headers().getAll(name);
            if (values.size() > 1) {
                throw invalidAuthorization("the signed header " + name + " is sent more than once");
            }
            if (values.size() == 1 && IncomingRequest.hasControlCharacter(values.get(0))) {
                throw invalidAuthorization("the signed header " + name + " holds a control character");
            }
        }
        long timestamp = timestamp(request.header("X-TC-Timestamp"), "X-TC-Timestamp");
        if (request.header("X-TC-Token") != null && !request.header("X-TC-Token").isEmpty()) {
            throw TencentErrors.TOKEN_NOT_SUPPORTED.exception();
        }
        TencentCredential credential = credential(secretId);
        long now = checkSkew(timestamp);
        if (!date.equals(LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString())) {
            throw signatureFailure();
        }

        String bodyHash = Signatures.sha256Hex(request.body());
        String payloadHash = "UNSIGNED-PAYLOAD".equals(request.header("X-TC-Content-SHA256"))
                ? Signatures.sha256Hex("UNSIGNED-PAYLOAD".getBytes(StandardCharsets.UTF_8))
                : bodyHash;
        String canonicalQuery = request.kind() == IncomingRequest.Kind.GET ? request.rawQuery() : "";
        String host = request.host();
        boolean verified = false;
        // the Host as received first (what the SDKs sign); the form without the port only when that fails. Which of
        // the two matched tells nothing secret: the client chose it.
        for (String signedHost : hostsToTry(host)) {
            if (verified) {
                break;
            }
            StringBuilder canonicalHeaders = new StringBuilder();
            for (String name : names) {
                String value = name.equals("host") ? signedHost : request.header(name);
                canonicalHeaders.append(name).append(':')
                        .append(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)).append('\n');
            }
            String canonicalRequest = request.method() + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                    + signedHeaders + "\n" + payloadHash;
            String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
                    + Signatures.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            String expected = Signatures.tc3(credential.secretKey().reveal(), date, service, stringToSign);
            verified = Signatures.constantTimeEquals(expected, signature);
        }
        if (!verified) {
            throw signatureFailure();
        }
        String action = request.header("X-TC-Action");
        String version = request.header("X-TC-Version");
        String region = request.header("X-TC-Region");
        byte[] fingerprint = Signatures.sha256(String.join("\u0000", field(action), field(region), field(version),
                field(host), bodyHash));
        if (!memory.remember(signature, fingerprint, timestamp + MAX_SKEW_SECONDS + 1, now)) {
            throw TencentErrors.SIGNATURE_REUSED.exception();
        }
        return new Authenticated(credential, action, version, region);
    }

    /** The Host as received; and without its port, when it has one. */
    private static List<String> hostsToTry(String host) {
        Matcher m = HOST_AND_PORT.matcher(host.strip());
        return m.matches() ? List.of(host, m.group(1)) : List.of(host);
    }

    private static String field(String value) {
        return value == null ? "0" : "1" + value;
    }

    private Authenticated v1(IncomingRequest request) {
        Map<String, String> params = request.flatParams();
        String secretId = params.get("SecretId");
        if (secretId == null || secretId.isEmpty()) {
            throw TencentErrors.missing("SecretId");
        }
        long timestamp = timestamp(params.get("Timestamp"), "Timestamp");
        if (params.get("Nonce") == null) {
            throw TencentErrors.missing("Nonce");
        }
        String method = params.getOrDefault("SignatureMethod", "HmacSHA1");
        if (!method.equals("HmacSHA1") && !method.equals("HmacSHA256")) {
            throw TencentErrors.invalidValue("SignatureMethod", "must be HmacSHA1 or HmacSHA256");
        }
        if (params.get("Token") != null && !params.get("Token").isEmpty()) {
            throw TencentErrors.TOKEN_NOT_SUPPORTED.exception();
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().indexOf('_') >= 0) {
                // the SDKs sign a '_' in a name as '.', so KeyIds_0 would sign as KeyIds.0 and read as another
                // parameter; no KMS parameter has a '_'
                throw TencentErrors.UNDERSCORE_IN_NAME.exception(TencentException.quote(e.getKey()));
            }
            if (!e.getKey().equals("Signature")) {
                sorted.put(e.getKey(), e.getValue());
            }
        }
        TencentCredential credential = credential(secretId);
        checkSkew(timestamp);

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
        boolean verified = java.security.MessageDigest.isEqual(mac, given);
        Arrays.fill(mac, (byte) 0);
        if (!verified) {
            throw signatureFailure();
        }
        return new Authenticated(credential, params.get("Action"), params.get("Version"), params.get("Region"));
    }

    private TencentCredential credential(String secretId) {
        return credentials.find(secretId).orElseThrow(TencentErrors.SECRET_ID_NOT_FOUND::exception);
    }

    /** @return now, in epoch seconds */
    private long checkSkew(long timestamp) {
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
            throw TencentErrors.SIGNATURE_EXPIRED.exception();
        }
        return now;
    }
    private static long timestamp(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw TencentErrors.missing(name);
        }
        if (!UNIX_SECONDS.matcher(value).matches()) {
            throw TencentErrors.invalidValue(name, "is not a unix timestamp in seconds");
        }
        return Long.parseLong(value);
    }

    private static TencentException invalidAuthorization(String why) {
        return TencentErrors.INVALID_AUTHORIZATION.exception(why);
    }

    private static TencentException signatureFailure() {
        return TencentErrors.SIGNATURE_FAILURE.exception();
    }
}
