package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyport.application.Keyport;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.out.TenantDirectory;
import dev.keyport.application.support.RateLimiter;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.InvalidValueException;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.Region;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tencent Cloud KMS API 3.0, version 2019-01-18, at {@code /}: POST JSON signed with TC3-HMAC-SHA256, GET signed
 * with TC3 or v1, POST form signed with v1. Every answer is HTTP 200 with the {@code {"Response": {…, "RequestId"}}}
 * envelope, as the official SDKs require; a use case runs off the event loop.
 */
public final class TencentApi {

    private static final Logger LOG = LoggerFactory.getLogger(TencentApi.class);

    private final Keyport keyport;
    private final Authenticator authenticator;
    private final TencentApiConfig config;
    private final RateLimiter rateLimiter;
    private final ObjectMapper json = Json.mapper();
    private Consumer<RequestOutcome> observer = outcome -> { };

    public TencentApi(Keyport keyport, TenantDirectory directory, Clock clock, TencentApiConfig config) {
        this.keyport = Objects.requireNonNull(keyport, "keyport");
        this.authenticator = new Authenticator(Objects.requireNonNull(directory, "directory"),
                Objects.requireNonNull(clock, "clock"));
        this.config = Objects.requireNonNull(config, "config");
        this.rateLimiter = new RateLimiter(System::nanoTime);
    }

    /** What happened to one request, for logs and metrics: never parameters, tokens or signatures. */
    public record RequestOutcome(String requestId, String action, String tenant, String keyId, String outcome,
                                 long nanos) {
    }

    /** Called once per request with its outcome; the server uses it for its request log and metrics. */
    public TencentApi observe(Consumer<RequestOutcome> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route("/")
                .handler(BodyHandler.create(false).setBodyLimit(IncomingRequest.JSON_LIMIT))
                .handler(ctx -> handle(vertx, ctx))
                .failureHandler(this::failure);
        return router;
    }

    /** The HTTP options this API needs: a GET up to the 32 KB limit reaches it, to be answered; HTTP/1.1 only. */
    public static HttpServerOptions serverOptions(String host, int port) {
        return new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setMaxInitialLineLength(64 * 1024)
                .setMaxFormAttributeSize(IncomingRequest.JSON_LIMIT) // form limits are checked by IncomingRequest
                .setHttp2ClearTextEnabled(false); // HTTP/1.1, as Tencent's API speaks; no h2c upgrade
    }

    /** Listens on {@code host:port} (0 for any free port). */
    public Future<HttpServer> listen(Vertx vertx, String host, int port) {
        return vertx.createHttpServer(serverOptions(host, port)).requestHandler(router(vertx)).listen();
    }

    private void handle(Vertx vertx, RoutingContext ctx) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        Authenticator.Authenticated auth;
        TencentActions.Action<?> action;
        ObjectNode params;
        Caller caller;
        try {
            IncomingRequest request = IncomingRequest.from(ctx);
            auth = authenticator.authenticate(request);
            if (auth.action() == null || auth.action().isEmpty()) {
                throw TencentException.missing("Action");
            }
            if (auth.version() == null || auth.version().isEmpty()) {
                throw TencentException.missing("Version");
            }
            if (!TencentActions.VERSION.equals(auth.version())) {
                throw new TencentException("NoSuchVersion", "The API version `" + auth.version()
                        + "` does not exist; KMS serves " + TencentActions.VERSION + ".");
            }
            action = TencentActions.ALL.get(auth.action());
            if (action == null) {
                throw new TencentException("InvalidAction", "The action `" + auth.action() + "` does not exist.");
            }
            caller = new Caller(scope(auth), auth.credential().secretId(), requestId);
            if (!rateLimiter.tryAcquire(auth.credential().tenant().value() + "/" + action.name(),
                    config.limitFor(action.name(), action.crypto()))) {
                throw new TencentException("RequestLimitExceeded",
                        "Your current request times exceeds the limit of " + action.name() + ", please try later.");
            }
            params = params(request);
        } catch (TencentException e) {
            respond(ctx, error(e.code(), e.getMessage(), requestId));
            observer.accept(new RequestOutcome(requestId, "", "", "", e.code(), System.nanoTime() - started));
            return;
        }
        Authenticator.Authenticated who = auth;
        TencentActions.Action<?> what = action;
        TencentActions.Context context = new TencentActions.Context(keyport, caller, auth.credential());
        vertx.<Object>executeBlocking(() -> what.run(json, params, context), false).onComplete(result -> {
            ObjectNode body;
            String outcome;
            if (result.succeeded()) {
                body = success(result.result(), requestId);
                outcome = "Success";
            } else {
                TencentException e = translate(result.cause(), requestId);
                body = error(e.code(), e.getMessage(), requestId);
                outcome = e.code();
            }
            respond(ctx, body);
            observer.accept(new RequestOutcome(requestId, what.name(), who.credential().tenant().value(),
                    keyIdOf(params), outcome, System.nanoTime() - started));
        });
    }

    private KeyScope scope(Authenticator.Authenticated auth) {
        String region = auth.region() == null || auth.region().isEmpty()
                ? config.defaultRegion().value() : auth.region();
        try {
            return new KeyScope(auth.credential().tenant(), Region.of(region));
        } catch (InvalidValueException e) {
            throw new TencentException("UnsupportedRegion", "The region `" + region + "` is not supported.");
        }
    }

    private ObjectNode params(IncomingRequest request) {
        if (request.kind() == IncomingRequest.Kind.JSON) {
            if (request.body().length == 0) {
                return json.createObjectNode();
            }
            try {
                JsonNode body = json.readTree(request.body());
                if (body == null || !body.isObject()) {
                    throw TencentException.invalid("request body", "is not a JSON object");
                }
                return (ObjectNode) body;
            } catch (JsonProcessingException e) {
                throw TencentException.invalid("request body", "is not valid JSON");
            } catch (java.io.IOException e) {
                throw TencentException.invalid("request body", "cannot be read");
            }
        }
        Map<String, String> flat = new java.util.LinkedHashMap<>(request.flatParams());
        if (request.header("Authorization") == null) {
            Authenticator.V1_COMMON.forEach(flat::remove);
        }
        return Params.unflatten(flat);
    }

    private static String keyIdOf(ObjectNode params) {
        JsonNode keyId = params.get("KeyId");
        return keyId != null && keyId.isTextual() && keyId.textValue().length() <= 64 ? keyId.textValue() : "";
    }

    private TencentException translate(Throwable cause, String requestId) {
        if (cause instanceof TencentException e) {
            return e;
        }
        if (cause instanceof DomainException e) {
            return TencentErrors.of(e);
        }
        LOG.error("request {} failed inside Keyport", requestId, cause);
        return internalError();
    }

    private static TencentException internalError() {
        return new TencentException("InternalError", "An internal error has occurred. Retry your request.");
    }

    private void failure(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString();
        if (ctx.statusCode() == 413) {
            TencentException e = IncomingRequest.sizeExceeded(IncomingRequest.JSON_LIMIT);
            respond(ctx, error(e.code(), e.getMessage(), requestId));
            return;
        }
        if (ctx.failure() != null) {
            LOG.error("request {} failed in the HTTP layer", requestId, ctx.failure());
        }
        TencentException e = internalError();
        respond(ctx, error(e.code(), e.getMessage(), requestId));
    }

    private ObjectNode success(Object response, String requestId) {
        ObjectNode inner = json.valueToTree(response);
        inner.put("RequestId", requestId);
        ObjectNode envelope = json.createObjectNode();
        envelope.set("Response", inner);
        return envelope;
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

    private void respond(RoutingContext ctx, ObjectNode body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
