package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.StoreUnavailableException;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Region;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Huawei Cloud KMS v1.0 at {@code POST /v1.0/{project_id}/kms/<operation>}, signed with AK/SK SDK-HMAC-SHA256. KMS
 * errors are {@code {"error":{"error_code","error_msg"}}} with the status of Huawei's table; the API gateway's own
 * refusals (authentication, throttling, unknown API, malformed requests) are flat, with a {@code request_id}. Every
 * response carries {@code X-Request-Id}. A use case runs off the event loop.
 *
 * <p>This class routes and runs the pipeline: path, method, headers, signature (with lockouts), project, rate limit,
 * body; then the operation's {@link HuaweiActions action} on a worker thread, and the answer or the refusal
 * ({@link HuaweiErrors}). Every operation of the vendor's API is known ({@link HuaweiCatalog}); one Keyport does not
 * serve answers 400 {@code KEYPORT.0001} after authentication, and only a path no operation has is the gateway's 404.
 */
public final class HuaweiApi {

    private static final Logger LOG = LoggerFactory.getLogger(HuaweiApi.class);
    static final int BODY_LIMIT = 1024 * 1024;
    /** The rules of Huawei's API where the vendors disagree: they travel with each request's caller. */
    static final LifecyclePolicy POLICY = LifecyclePolicy.HUAWEI;
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final int MAX_ACCESS_KEY = 128;
    private static final Pattern PRESENTED_ACCESS_KEY = Pattern.compile("Access=([^,\\s]*)");
    private static final Pattern PRINTABLE_PROJECT = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    /** Headers whose value Keyport reads or signs over: each may appear once. */
    private static final List<String> SINGLE_HEADERS = List.of("host", "authorization", "x-sdk-date",
            "x-sdk-content-sha256", "x-project-id", "content-type", "content-length", "transfer-encoding");

    private final Keyport keyport;
    private final HuaweiAuthenticator authenticator;
    private final HuaweiApiConfig config;
    private final HuaweiGuards guards;
    private final HuaweiGuards.Throttle accessKeyThrottle;
    private final HuaweiGuards.Throttle addressThrottle;
    private final ObjectMapper json = Json.mapper();
    private Consumer<RequestOutcome> observer = outcome -> { };

    /**
     * @param keyport     the use cases: all this adapter knows of the application
     * @param credentials the access keys requests are signed with
     * @param guards      the rate limit and the failed-authentication counts, kept as {@code config} says
     */
    public HuaweiApi(Keyport keyport, HuaweiCredentials credentials, Clock clock, HuaweiApiConfig config,
                     HuaweiGuards guards) {
        this.keyport = Objects.requireNonNull(keyport, "keyport");
        this.authenticator = new HuaweiAuthenticator(Objects.requireNonNull(credentials, "credentials"),
                Objects.requireNonNull(clock, "clock"));
        this.config = Objects.requireNonNull(config, "config");
        this.guards = Objects.requireNonNull(guards, "guards");
        this.accessKeyThrottle = Objects.requireNonNull(guards.throttle(config.accessKeyLockout()), "throttle");
        this.addressThrottle = Objects.requireNonNull(guards.throttle(config.addressLockout()), "throttle");
    }

    /**
     * What happened to one request, for logs and metrics: never bodies, tokens, secret keys or signatures.
     *
     * @param operation     the operation's label ({@code describe-key}, {@code create-grant} …) or {@code unknown}: a
     *                      bounded set
     * @param keyId         the body's {@code key_id} when it is a well-formed key id, else ""
     * @param accessKey     the access key the request presented, as presented (even when authentication failed), at
     *                      most 128 characters; "" when none
     * @param clientAddress the address of the client's end of the connection; "" when unknown
     */
    public record RequestOutcome(String requestId, String operation, String tenant, String keyId, String outcome,
                                 int status, long nanos, String accessKey, String clientAddress) {
    }

    public HuaweiApi observe(Consumer<RequestOutcome> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route()
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(ctx -> handle(vertx, ctx))
                .failureHandler(this::failure);
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 500, 501}) {
            router.errorHandler(status, this::failure);
        }
        return router;
    }

    /** The HTTP options this API needs: HTTP/1.1, as Huawei's gateway speaks it to the SDK. */
    public static HttpServerOptions serverOptions(String host, int port) {
        return new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false);
    }

    /** Listens on {@code host:port} (0 for any free port). */
    public Future<HttpServer> listen(Vertx vertx, String host, int port) {
        return vertx.createHttpServer(serverOptions(host, port)).invalidRequestHandler(invalidRequestHandler())
                .requestHandler(router(vertx)).listen();
    }

    /**
     * Answers what the HTTP decoder refused, in the gateway's flat form: 414 for a request line that is too long,
     * 431 for headers that are too large, 400 for anything else that is not HTTP; then closes the connection. For
     * {@link HttpServer#invalidRequestHandler}.
     */
    public Handler<HttpServerRequest> invalidRequestHandler() {
        return request -> {
            long started = System.nanoTime();
            Throwable cause = request.decoderResult().cause();
            HuaweiException e = (cause instanceof TooLongHttpLineException ? HuaweiErrors.URI_TOO_LARGE
                    : cause instanceof TooLongHttpHeaderException ? HuaweiErrors.HEADERS_TOO_LARGE
                    : HuaweiErrors.BAD_REQUEST).exception();
            String requestId = newRequestId();
            observer.accept(new RequestOutcome(requestId, HuaweiCatalog.UNKNOWN, "", "", e.code(), e.status(),
                    System.nanoTime() - started, "", address(request)));
            HttpServerResponse response = request.response();
            send(response.putHeader("Connection", "close"), requestId, e);
            response.close();
        };
    }

    /**
     * Answers every request with Huawei's transient error, 503 {@code KMS.0104} (which the SDK's retry treats as
     * retryable), and closes the connection: for a server that is stopping.
     */
    public Handler<HttpServerRequest> unavailableHandler() {
        return request -> {
            long started = System.nanoTime();
            String requestId = newRequestId();
            HuaweiException e = HuaweiErrors.STOPPING.exception();
            observer.accept(new RequestOutcome(requestId, label(request), "", "", e.code(), e.status(),
                    System.nanoTime() - started, presentedAccessKey(request), address(request)));
            send(request.response().putHeader("Connection", "close"), requestId, e);
        };
    }

    /** One request's record while it is answered. */
    private static final class Exchange {
        final String requestId = newRequestId();
        final long started = System.nanoTime();
        final String accessKey;
        final String address;
        String label = HuaweiCatalog.UNKNOWN;
        String tenant = "";
        String keyId = "";

        Exchange(HttpServerRequest request) {
            this.accessKey = presentedAccessKey(request);
            this.address = address(request);
        }
    }

    private void handle(Vertx vertx, RoutingContext ctx) {
        Exchange exchange = new Exchange(ctx.request());
        JsonNode body;
        HuaweiActions.Action<?> action;
        HuaweiActions.Context context;
        try {
            HuaweiPath path = HuaweiPath.parse(ctx.request().path());
            HuaweiCatalog.Route route = route(ctx.request(), path);
            exchange.label = route.label();
            singleHeaders(ctx.request());
            byte[] bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0]
                    : ctx.body().buffer().getBytes();
            HuaweiCredential credential = authenticate(ctx.request(), bytes, exchange);
            exchange.tenant = credential.tenant().value();
            Region region = region(route, path, credential, ctx.request());
            int limit = config.limitFor(route.label());
            if (!guards.tryAcquire(exchange.tenant + "/" + route.label(), limit)) {
                throw HuaweiErrors.THROTTLED.exception("policy user over ratelimit,limit:" + limit + ",time:1 second");
            }
            action = route.action().orElseThrow(() -> HuaweiErrors.notImplemented(route.label(),
                    route.sdkMethod()).exception());
            Json.contentType(ctx.request().getHeader("Content-Type"));
            body = Json.body(json, bytes);
            JsonNode keyId = body.get("key_id");
            if (keyId != null && keyId.isTextual() && KeyId.isWellFormed(keyId.textValue())) {
                exchange.keyId = keyId.textValue();
            }
            context = new HuaweiActions.Context(keyport,
                    new Caller(new KeyScope(credential.tenant(), region), credential.accessKey(),
                            exchange.requestId, POLICY), credential);
        } catch (HuaweiException e) {
            respond(ctx, exchange, e);
            return;
        }
        HuaweiActions.Action<?> what = action;
        vertx.<Object>executeBlocking(() -> what.run(json, body, context), false).onComplete(result -> {
            if (result.succeeded()) {
                Buffer answer;
                try {
                    answer = Buffer.buffer(json.writeValueAsBytes(result.result())); // no JSON tree between
                } catch (JsonProcessingException e) {
                    respond(ctx, exchange, translate(e, exchange.requestId, context.policy()));
                    return;
                }
                observe(exchange, "Success", 200);
                if (ctx.response().ended() || ctx.response().closed()) {
                    return; // the client left; the change is made
                }
                ctx.response().setStatusCode(200).putHeader("X-Request-Id", exchange.requestId)
                        .putHeader("Content-Type", JSON_TYPE).end(answer);
            } else {
                respond(ctx, exchange, translate(result.cause(), exchange.requestId, context.policy()));
            }
        });
    }

    /** The operation this method and path name: 404 for a path no operation has, 405 for another method. */
    private static HuaweiCatalog.Route route(HttpServerRequest request, HuaweiPath path) {
        HuaweiCatalog.Resolution resolution = HuaweiCatalog.resolve(request.method(), path);
        if (resolution instanceof HuaweiCatalog.Found found) {
            return found.route();
        }
        if (resolution instanceof HuaweiCatalog.WrongMethod) {
            throw HuaweiErrors.METHOD_NOT_ALLOWED.exception();
        }
        throw HuaweiErrors.NO_SUCH_API.exception();
    }

    /** A header Keyport reads may appear once: two Host or two X-Project-Id headers are two meanings. */
    private static void singleHeaders(HttpServerRequest request) {
        for (String name : SINGLE_HEADERS) {
            if (request.headers().getAll(name).size() > 1) {
                throw HuaweiErrors.BAD_REQUEST.exception("the header " + name + " appears more than once");
            }
        }
    }

    /**
     * Verifies the signature, unless the presented access key or the client's address is locked out; counts failures
     * (a 401) and clears the counts on success. A locked subject is refused without verifying anything.
     */
    private HuaweiCredential authenticate(HttpServerRequest request, byte[] body, Exchange exchange) {
        String accessKey = exchange.accessKey;
        HuaweiApiConfig.Lockout addressLockout = config.addressLockout();
        HuaweiApiConfig.Lockout accessKeyLockout = config.accessKeyLockout();
        if (addressThrottle.isLocked(exchange.address)) {
            throw HuaweiErrors.UNAUTHENTICATED.exception("too many failed authentications from this address; it is "
                    + "locked for " + addressLockout.lockout().toSeconds() + " seconds");
        }
        if (!accessKey.isEmpty() && accessKeyThrottle.isLocked(accessKey)) {
            throw HuaweiErrors.UNAUTHENTICATED.exception("the access key is locked for "
                    + accessKeyLockout.lockout().toSeconds() + " seconds after " + accessKeyLockout.maxFailures()
                    + " consecutive failed authentications");
        }
        try {
            HuaweiCredential credential = authenticator.authenticate(new HuaweiAuthenticator.SignedRequest(
                    request.method().name(), request.path(), request.query(), headers(request), body));
            addressThrottle.succeeded(exchange.address);
            accessKeyThrottle.succeeded(accessKey);
            return credential;
        } catch (HuaweiException e) {
            if (e.status() == 401) {
                if (addressThrottle.failed(exchange.address)) {
                    LOG.warn("huawei: client address {} locked for {} s after {} consecutive failed authentications",
                            printable(exchange.address), addressLockout.lockout().toSeconds(),
                            addressLockout.maxFailures());
                }
                if (!accessKey.isEmpty() && accessKeyThrottle.failed(accessKey)) {
                    LOG.warn("huawei: access key {} locked for {} s after {} consecutive failed authentications",
                            printable(accessKey), accessKeyLockout.lockout().toSeconds(),
                            accessKeyLockout.maxFailures());
                }
            }
            throw e;
        }
    }

    /**
     * The region of the path's project: one of the access key's projects (else 403 {@code KMS.0306}), equal to
     * {@code X-Project-Id} when that is sent (else 403 {@code KMS.0321}); null for a path without a project.
     */
    private static Region region(HuaweiCatalog.Route route, HuaweiPath path, HuaweiCredential credential,
                                 HttpServerRequest request) {
        int index = route.projectSegment();
        if (index < 0) {
            return null;
        }
        String project = path.segments().get(index);
        Region region = credential.regionOf(project).orElseThrow(() -> HuaweiErrors.NO_ACCESS.exception(
                describeProject(project)));
        String headerProject = request.getHeader("X-Project-Id");
        if (headerProject != null && !headerProject.equals(project)) {
            throw HuaweiErrors.PROJECT_MISMATCH.exception();
        }
        return region;
    }

    private static String describeProject(String project) {
        if (project.equals("{project_id}")) {
            return "the path names no project; give the SDK's credentials a project id (withProjectId)";
        }
        return PRINTABLE_PROJECT.matcher(project).matches()
                ? "project " + project + " is not one of this access key's projects"
                : "the path's project is not one of this access key's projects";
    }

    private static HuaweiException translate(Throwable cause, String requestId, LifecyclePolicy policy) {
        if (cause instanceof HuaweiException e) {
            return e;
        }
        if (cause instanceof DomainException e) {
            return HuaweiErrors.of(e, policy);
        }
        if (cause instanceof StoreUnavailableException e) {
            LOG.warn("request {} refused: the key store is unavailable ({})", requestId, printable(e.getMessage()));
            return HuaweiErrors.STORE_UNAVAILABLE.exception();
        }
        LOG.error("request {} failed inside Keyport", requestId, cause);
        return HuaweiErrors.INTERNAL.exception();
    }

    /** Failures of the HTTP layer: a body over the limit, a broken request, or a fault of Keyport's own. */
    private void failure(RoutingContext ctx) {
        Exchange exchange = new Exchange(ctx.request());
        HuaweiException e;
        if (ctx.failure() instanceof HuaweiException huawei) {
            e = huawei;
        } else if (ctx.statusCode() == 413) {
            e = HuaweiErrors.TOO_LONG.exception();
        } else if (ctx.statusCode() == 404) {
            e = HuaweiErrors.NO_SUCH_API.exception();
        } else if (ctx.statusCode() == 405) {
            e = HuaweiErrors.METHOD_NOT_ALLOWED.exception();
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            e = HuaweiErrors.BAD_REQUEST.exception();
        } else if (!ctx.request().isEnded()) {
            // the request broke off before its end (a malformed chunk, a closed connection): the client's doing
            e = HuaweiErrors.BAD_REQUEST.exception("the request body is malformed");
        } else {
            LOG.error("request {} failed in the HTTP layer", exchange.requestId, ctx.failure());
            e = HuaweiErrors.INTERNAL.exception();
        }
        respond(ctx, exchange, e);
    }

    /** Reports the outcome, then answers: whoever reads the answer finds the outcome reported. */
    private void respond(RoutingContext ctx, Exchange exchange, HuaweiException e) {
        observe(exchange, e.code(), e.status());
        if (!ctx.response().ended() && !ctx.response().closed()) {
            send(ctx.response(), exchange.requestId, e);
        }
    }

    private void observe(Exchange exchange, String outcome, int status) {
        observer.accept(new RequestOutcome(exchange.requestId, exchange.label, exchange.tenant, exchange.keyId,
                outcome, status, System.nanoTime() - exchange.started, exchange.accessKey, exchange.address));
    }

    private void send(HttpServerResponse response, String requestId, HuaweiException e) {
        ObjectNode body = json.createObjectNode();
        if (e.gateway()) {
            body.put("error_code", e.code()).put("error_msg", e.getMessage()).put("request_id", requestId);
        } else {
            body.putObject("error").put("error_code", e.code()).put("error_msg", e.getMessage());
        }
        response.setStatusCode(e.status()).putHeader("X-Request-Id", requestId)
                .putHeader("Content-Type", JSON_TYPE).end(body.toString());
    }

    /** The headers by lower-case name, every value in order. */
    private static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        request.headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(e.getValue()));
        return headers;
    }

    private static String label(HttpServerRequest request) {
        try {
            HuaweiCatalog.Resolution resolution = HuaweiCatalog.resolve(request.method(),
                    HuaweiPath.parse(request.path()));
            return resolution instanceof HuaweiCatalog.Found found ? found.route().label() : HuaweiCatalog.UNKNOWN;
        } catch (HuaweiException e) {
            return HuaweiCatalog.UNKNOWN;
        }
    }

    /** The access key the request names, as presented, cut at 128 characters; "" when it names none. */
    static String presentedAccessKey(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return "";
        }
        Matcher m = PRESENTED_ACCESS_KEY.matcher(authorization);
        if (!m.find()) {
            return "";
        }
        String accessKey = m.group(1);
        return accessKey.length() > MAX_ACCESS_KEY ? accessKey.substring(0, MAX_ACCESS_KEY) : accessKey;
    }

    private static String address(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "" : address.hostAddress();
    }

    /** Text for a log line: control characters escaped, so that no value can forge a line. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
