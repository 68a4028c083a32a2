package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.StoreUnavailableException;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.InvalidValueException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Region;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
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
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tencent Cloud KMS API 3.0, version 2019-01-18, at {@code /}: POST JSON signed with TC3-HMAC-SHA256, GET signed
 * with TC3 or v1, POST form signed with v1. Every answer is HTTP 200 with the {@code {"Response": {…, "RequestId"}}}
 * envelope, as the official SDKs require — also for another path, a request the HTTP decoder refuses
 * ({@link #invalidRequestHandler()}) and a server that is stopping ({@link #unavailableHandler()}); a use case runs
 * off the event loop.
 *
 * <p>Failed authentications are counted per presented SecretId and per client address (throttles the server supplies
 * through {@link TencentGuards}, under the policies of {@link TencentApiConfig}); while either is locked its requests
 * are refused before any signature is checked.
 *
 * <p>This class routes a request to its action ({@link TencentActions}) and runs the pipeline around it:
 * authentication, version, action, scope and protocol policy, rate limit, parameters, the use case, the envelope.
 */
public final class TencentApi {

    private static final Logger LOG = LoggerFactory.getLogger(TencentApi.class);
    /** The API version KMS serves. */
    static final String VERSION = "2019-01-18";

    private final Keyport keyport;
    private final TencentAuthenticator authenticator;
    private final TencentApiConfig config;
    private final TencentGuards guards;
    private final TencentGuards.Throttle secretIdThrottle;
    private final TencentGuards.Throttle addressThrottle;
    private final ObjectMapper json = Json.mapper();
    private volatile Consumer<RequestOutcome> observer = outcome -> { };

    /**
     * @param keyport     the use cases
     * @param credentials where a request's SecretId is looked up
     * @param clock       the time signatures are checked against
     * @param config      limits, throttle policies, the default region
     * @param guards      the rate limit and the failed-authentication counts, kept as {@code config} says
     */
    public TencentApi(Keyport keyport, TencentCredentials credentials, Clock clock, TencentApiConfig config,
                      TencentGuards guards) {
        this.keyport = Objects.requireNonNull(keyport, "keyport");
        this.config = Objects.requireNonNull(config, "config");
        this.authenticator = new TencentAuthenticator(Objects.requireNonNull(credentials, "credentials"),
                Objects.requireNonNull(clock, "clock"), new SignatureMemory(config.signatureMemory()));
        this.guards = Objects.requireNonNull(guards, "guards");
        this.secretIdThrottle = Objects.requireNonNull(guards.throttle(config.secretIdThrottle()), "throttle");
        this.addressThrottle = Objects.requireNonNull(guards.throttle(config.addressThrottle()), "throttle");
    }

    /**
     * What happened to one request, for logs and metrics: never parameters, tokens, secrets or signatures.
     *
     * @param action        one of Tencent's KMS action names ({@code VendorActions}), or "unknown"
     * @param keyId         a well-formed key id the request named, or ""
     * @param secretId      the SecretId the request presented, signed or not, at most 128 characters (as presented:
     *                      escape it before logging), or ""
     * @param clientAddress the address the request came from, or ""
     */
    public record RequestOutcome(String requestId, String action, String tenant, String keyId, String outcome,
                                 long nanos, String secretId, String clientAddress) {
    }

    /**
     * Called once per request with its outcome, before the answer is sent (a client holding its answer finds the
     * request reported); the server uses it for its request log and metrics.
     */
    public TencentApi observe(Consumer<RequestOutcome> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /** Serves {@code /}; any other path is answered in the envelope too. */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route()
                .handler(BodyHandler.create(false).setBodyLimit(IncomingRequest.JSON_LIMIT))
                .handler(ctx -> handle(vertx, ctx))
                .failureHandler(this::failure);
        for (int status = 400; status < 600; status++) {
            router.errorHandler(status, this::failure); // whatever the router itself refuses, in the envelope
        }
        return router;
    }

    /**
     * The handler for requests the HTTP decoder could not read (the server gives it to
     * {@link HttpServer#invalidRequestHandler(Handler)}): a request line over 64 KB or headers over 8 KB answer
     * {@code RequestSizeLimitExceeded}, anything else that is not HTTP {@code UnsupportedProtocol}; HTTP 200 in the
     * envelope, as every answer, and the connection is closed, since the decoder cannot find where the next request
     * starts.
     */
    public Handler<HttpServerRequest> invalidRequestHandler() {
        return request -> {
            long started = System.nanoTime();
            String requestId = UUID.randomUUID().toString();
            DecoderResult result = request.decoderResult();
            Throwable cause = result == null ? null : result.cause();
            TencentException e = (cause instanceof TooLongFrameException ? TencentErrors.HEAD_TOO_LARGE
                    : TencentErrors.NOT_HTTP).exception();
            observer.accept(new RequestOutcome(requestId, VendorActions.UNKNOWN, "", "", e.code(),
                    System.nanoTime() - started, "", addressOf(request)));
            answerAndClose(request, error(e.code(), e.getMessage(), requestId));
        };
    }

    /**
     * The handler for requests that arrive while the server stops (the server installs it when it starts draining):
     * Tencent's transient error, {@code UnsupportedOperation.ServiceTemporaryUnavailable}, in the envelope, and the
     * connection is closed.
     */
    public Handler<HttpServerRequest> unavailableHandler() {
        return request -> {
            long started = System.nanoTime();
            String requestId = UUID.randomUUID().toString();
            TencentErrors.Row stopping = TencentErrors.STOPPING;
            observer.accept(new RequestOutcome(requestId, VendorActions.label(request.getHeader("X-TC-Action")), "",
                    "", stopping.code(), System.nanoTime() - started,
                    TencentAuthenticator.presentedSecretId(request.getHeader("Authorization")), addressOf(request)));
            answerAndClose(request, error(stopping.code(), stopping.message(), requestId));
        };
    }

    private static void answerAndClose(HttpServerRequest request, ObjectNode body) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(200).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(body.toString()).onComplete(done -> request.connection().close());
    }

    /** The HTTP options this API needs: a GET up to the 32 KB limit reaches it, to be answered; HTTP/1.1 only. */
    public static HttpServerOptions serverOptions(String host, int port) {
        return new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setMaxInitialLineLength(64 * 1024)
                // form bodies are decoded and limited by IncomingRequest; Netty's decoder must not refuse them first
                .setMaxFormAttributeSize(IncomingRequest.JSON_LIMIT)
                .setMaxFormFields(IncomingRequest.MAX_PARAMETERS + 1)
                .setMaxFormBufferedBytes(IncomingRequest.JSON_LIMIT)
                .setHttp2ClearTextEnabled(false); // HTTP/1.1, as Tencent's API speaks; no h2c upgrade
    }

    /** Listens on {@code host:port} (0 for any free port). */
    public Future<HttpServer> listen(Vertx vertx, String host, int port) {
        return vertx.createHttpServer(serverOptions(host, port)).requestHandler(router(vertx))
                .invalidRequestHandler(invalidRequestHandler()).listen();
    }

    private void handle(Vertx vertx, RoutingContext ctx) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String address = addressOf(ctx.request());
        String presentedSecretId = TencentAuthenticator.presentedSecretId(ctx.request().getHeader("Authorization"));
        String presentedAction = ctx.request().getHeader("X-TC-Action");
        TencentAuthenticator.Authenticated auth;
        TencentActions.Action<?> action;
        ObjectNode params;
        Caller caller;
        try {
            if (!"/".equals(ctx.request().path())) {
                throw TencentErrors.NOT_SERVED_HERE.exception();
            }
            if (addressThrottle.isLocked(address)) {
                throw TencentErrors.ADDRESS_LOCKED.exception(lockout(config.addressThrottle()));
            }
            IncomingRequest request = IncomingRequest.from(ctx);
            presentedSecretId = TencentAuthenticator.presentedSecretId(request);
            presentedAction = request.header("Authorization") != null ? request.header("X-TC-Action")
                    : request.flatParams().get("Action");
            if (!presentedSecretId.isEmpty() && secretIdThrottle.isLocked(presentedSecretId)) {
                throw TencentErrors.SECRET_ID_LOCKED.exception(lockout(config.secretIdThrottle()));
            }
            auth = authenticate(request, presentedSecretId, address);
            if (auth.action() == null || auth.action().isEmpty()) {
                throw TencentErrors.missing("Action");
            }
            if (auth.version() == null || auth.version().isEmpty()) {
                throw TencentErrors.missing("Version");
            }
            if (!VERSION.equals(auth.version())) {
                throw TencentErrors.NO_SUCH_VERSION.exception(TencentException.quote(auth.version()), VERSION);
            }
            action = TencentActions.ALL.get(auth.action());
            if (action == null) {
                throw (VendorActions.exists(auth.action()) ? TencentErrors.NOT_IMPLEMENTED
                        : TencentErrors.INVALID_ACTION).exception(TencentException.quote(auth.action()));
            }
            caller = new Caller(scope(auth), auth.credential().secretId(), requestId, LifecyclePolicy.TENCENT);
            if (!guards.tryAcquire(auth.credential().tenant().value() + "/" + action.name(),
                    config.limitFor(action.name(), action.crypto()))) {
                throw TencentErrors.RATE_LIMITED.exception(action.name());
            }
            params = TencentParams.of(json, request);
        } catch (TencentException e) {
            observer.accept(new RequestOutcome(requestId, VendorActions.label(presentedAction), "", "", e.code(),
                    System.nanoTime() - started, presentedSecretId, address));
            respond(ctx, error(e.code(), e.getMessage(), requestId));
            return;
        }
        TencentAuthenticator.Authenticated who = auth;
        TencentActions.Action<?> what = action;
        String secretId = presentedSecretId;
        TencentActions.Context context = new TencentActions.Context(keyport, caller, auth.credential());
        vertx.<Object>executeBlocking(() -> what.run(json, params, context), false).onComplete(result -> {
            Object body;
            String outcome;
            if (result.succeeded()) {
                body = success(result.result(), requestId);
                outcome = "Success";
            } else {
                TencentException e = translate(result.cause(), requestId, context.caller().policy());
                body = error(e.code(), e.getMessage(), requestId);
                outcome = e.code();
            }
            observer.accept(new RequestOutcome(requestId, what.name(), who.credential().tenant().value(),
                    keyIdOf(params), outcome, System.nanoTime() - started, secretId, address));
            respond(ctx, body);
        });
    }

    /** Authenticates, counting a failed guess against the presented SecretId and the address, and a success for both. */
    private TencentAuthenticator.Authenticated authenticate(IncomingRequest request, String secretId, String address) {
        try {
            TencentAuthenticator.Authenticated auth = authenticator.authenticate(request);
            secretIdThrottle.succeeded(secretId);
            addressThrottle.succeeded(address);
            return auth;
        } catch (TencentException e) {
            if (TencentAuthenticator.isFailedAuthentication(e)) {
                if (!secretId.isEmpty() && secretIdThrottle.failed(secretId)) {
                    LOG.warn("tencent: SecretId {} locked for {} after {} consecutive failed authentications",
                            TencentException.quote(secretId), lockout(config.secretIdThrottle()),
                            config.secretIdThrottle().maxFailures());
                }
                if (addressThrottle.failed(address)) {
                    LOG.warn("tencent: client address {} locked for {} after {} consecutive failed authentications",
                            TencentException.quote(address), lockout(config.addressThrottle()),
                            config.addressThrottle().maxFailures());
                }
            }
            throw e;
        }
    }

    private static String lockout(TencentApiConfig.Lockout policy) {
        return policy.lockout().toSeconds() + " s";
    }

    private static String addressOf(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return "";
        }
        String host = remote.hostAddress();
        return host == null ? "" : host;
    }

    private KeyScope scope(TencentAuthenticator.Authenticated auth) {
        String region = auth.region() == null || auth.region().isEmpty()
                ? config.defaultRegion().value() : auth.region();
        try {
            return new KeyScope(auth.credential().tenant(), Region.of(region));
        } catch (InvalidValueException e) {
            throw TencentErrors.UNSUPPORTED_REGION.exception(TencentException.quote(region));
        }
    }

    /** The key id a request named, when it is well-formed: never free text from the client. */
    private static String keyIdOf(ObjectNode params) {
        JsonNode keyId = params.get("KeyId");
        return keyId != null && keyId.isTextual() && KeyId.isWellFormed(keyId.textValue()) ? keyId.textValue() : "";
    }

    private TencentException translate(Throwable cause, String requestId, LifecyclePolicy policy) {
        if (cause instanceof TencentException e) {
            return e;
        }
        if (cause instanceof DomainException e) {
            return TencentErrors.of(e, policy);
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof StoreUnavailableException unavailable) {
                LOG.warn("tencent request {} answered {}: the key store is unavailable ({})", requestId,
                        TencentErrors.STORE_UNAVAILABLE.code(), oneLine(unavailable.getMessage()));
                return TencentErrors.STORE_UNAVAILABLE.exception();
            }
        }
        LOG.error("request {} failed inside Keyport", requestId, cause);
        return TencentErrors.INTERNAL.exception();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}]+", " ").strip();
    }

    /**
     * A request the HTTP layer or the router refused before {@link #handle}: a body over the limit, a body the form
     * decoder cannot read, a path the router cannot read. Anything else is a fault inside Keyport.
     */
    private void failure(RoutingContext ctx) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        int status = ctx.statusCode();
        TencentException e;
        if (status == 413) {
            e = IncomingRequest.sizeExceeded(IncomingRequest.JSON_LIMIT);
        } else if (status >= 400 && status < 500) {
            e = (status == 404 || status == 405 ? TencentErrors.UNREADABLE_ROUTE : TencentErrors.UNREADABLE)
                    .exception(status);
        } else {
            LOG.error("request {} failed in the HTTP layer", requestId, ctx.failure());
            e = TencentErrors.INTERNAL.exception();
        }
        observer.accept(new RequestOutcome(requestId, VendorActions.label(ctx.request().getHeader("X-TC-Action")),
                "", "", e.code(), System.nanoTime() - started,
                TencentAuthenticator.presentedSecretId(ctx.request().getHeader("Authorization")),
                addressOf(ctx.request())));
        respond(ctx, error(e.code(), e.getMessage(), requestId));
    }

    /** Tencent's envelope of an answer: {@code {"Response": {…the action's fields…, "RequestId": "…"}}}. */
    private record Envelope(@JsonProperty("Response") Answer response) {
    }

    /** The action's fields, then the request id, written straight from the action's result (no tree between). */
    private record Answer(@JsonUnwrapped Object fields, @JsonProperty("RequestId") String requestId) {
    }

    private static Object success(Object response, String requestId) {
        return new Envelope(new Answer(response, requestId));
    }

    private ObjectNode error(String code, String message, String requestId) {
        ObjectNode envelope = json.createObjectNode();
        ObjectNode inner = envelope.putObject("Response");
        ObjectNode error = inner.putObject("Error");
        error.put("Code", code);
        error.put("Message", message);
        inner.put("RequestId", requestId);
        return envelope;
    }

    private void respond(RoutingContext ctx, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Buffer bytes;
        try {
            bytes = Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written as JSON", e);
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(bytes);
    }
}
