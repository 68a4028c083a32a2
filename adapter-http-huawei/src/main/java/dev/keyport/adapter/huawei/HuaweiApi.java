package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyport.application.Keyport;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.out.HuaweiCredential;
import dev.keyport.application.port.out.TenantDirectory;
import dev.keyport.application.support.RateLimiter;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.Region;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Huawei Cloud KMS v1.0 at {@code POST /v1.0/{project_id}/kms/<operation>}, signed with AK/SK SDK-HMAC-SHA256. KMS
 * errors are {@code {"error":{"error_code","error_msg"}}} with the status of Huawei's table; authentication and
 * throttling answer as the API gateway does. Every response carries {@code X-Request-Id}. A use case runs off the
 * event loop.
 */
public final class HuaweiApi {

    private static final Logger LOG = LoggerFactory.getLogger(HuaweiApi.class);
    static final int BODY_LIMIT = 1024 * 1024;
    private static final String JSON_TYPE = "application/json;charset=UTF-8";

    private final Keyport keyport;
    private final AkSkAuthenticator authenticator;
    private final HuaweiApiConfig config;
    private final RateLimiter rateLimiter = new RateLimiter(System::nanoTime);
    private final ObjectMapper json = Json.mapper();
    private Consumer<RequestOutcome> observer = outcome -> { };

    public HuaweiApi(Keyport keyport, TenantDirectory directory, Clock clock, HuaweiApiConfig config) {
        this.keyport = Objects.requireNonNull(keyport, "keyport");
        this.authenticator = new AkSkAuthenticator(Objects.requireNonNull(directory, "directory"),
                Objects.requireNonNull(clock, "clock"));
        this.config = Objects.requireNonNull(config, "config");
    }

    /** What happened to one request, for logs and metrics: never bodies, tokens or signatures. */
    public record RequestOutcome(String requestId, String operation, String tenant, String keyId, String outcome,
                                 int status, long nanos) {
    }

    public HuaweiApi observe(Consumer<RequestOutcome> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route("/v1.0/:project_id/kms/:operation")
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(ctx -> handle(vertx, ctx))
                .failureHandler(this::failure);
        router.route().handler(ctx -> respond(ctx, UUID.randomUUID().toString(), HuaweiException.gateway(404,
                "APIGW.0101", "The API does not exist or has not been published in the environment")));
        return router;
    }

    /** The HTTP options this API needs: HTTP/1.1, as Huawei's gateway speaks it to the SDK. */
    public static HttpServerOptions serverOptions(String host, int port) {
        return new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false);
    }

    /** Listens on {@code host:port} (0 for any free port). */
    public Future<HttpServer> listen(Vertx vertx, String host, int port) {
        return vertx.createHttpServer(serverOptions(host, port)).requestHandler(router(vertx)).listen();
    }

    private void handle(Vertx vertx, RoutingContext ctx) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString().replace("-", "");
        String operationName = ctx.pathParam("operation");
        HuaweiOperations.Operation<?> operation = HuaweiOperations.ALL.get(operationName);
        JsonNode body;
        HuaweiOperations.Context context;
        try {
            if (operation == null) {
                throw HuaweiException.gateway(404, "APIGW.0101",
                        "The API does not exist or has not been published in the environment");
            }
            if (!HttpMethod.POST.equals(ctx.request().method())) {
                throw HuaweiException.kms(405, "KMS.0215", "Request method not supported.");
            }
            byte[] bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0]
                    : ctx.body().buffer().getBytes();
            HuaweiCredential credential = authenticator.authenticate(new AkSkAuthenticator.SignedRequest(
                    ctx.request().method().name(), ctx.request().path(), ctx.request().query(), headers(ctx), bytes));
            String project = ctx.pathParam("project_id");
            Region region = credential.regionOf(project).orElseThrow(() -> HuaweiException.kms(403, "KMS.0306",
                    "No access permissions: project " + project + " is not one of this access key's projects."));
            String headerProject = ctx.request().getHeader("X-Project-Id");
            if (headerProject != null && !headerProject.equals(project)) {
                throw HuaweiException.kms(403, "KMS.0321", "URIs in URL and X-Project-Id do not match.");
            }
            if (!rateLimiter.tryAcquire(credential.tenant().value() + "/" + operationName,
                    config.limitFor(operationName))) {
                throw HuaweiException.gateway(429, "APIGW.0308",
                        "The throttling threshold has been reached: policy user over ratelimit,limit:"
                                + config.limitFor(operationName) + ",time:1 second");
            }
            body = parse(bytes);
            context = new HuaweiOperations.Context(keyport,
                    new Caller(new KeyScope(credential.tenant(), region), credential.accessKey(), requestId),
                    credential);
        } catch (HuaweiException e) {
            respond(ctx, requestId, e);
            observer.accept(new RequestOutcome(requestId, operationName, "", "", e.code(), e.status(),
                    System.nanoTime() - started));
            return;
        }
        HuaweiOperations.Operation<?> what = operation;
        vertx.<Object>executeBlocking(() -> what.run(json, body, context), false).onComplete(result -> {
            String outcome;
            int status;
            if (result.succeeded()) {
                ctx.response().setStatusCode(200).putHeader("X-Request-Id", requestId)
                        .putHeader("Content-Type", JSON_TYPE).end(json.valueToTree(result.result()).toString());
                outcome = "Success";
                status = 200;
            } else {
                HuaweiException e = translate(result.cause(), requestId);
                respond(ctx, requestId, e);
                outcome = e.code();
                status = e.status();
            }
            JsonNode keyId = body.get("key_id");
            observer.accept(new RequestOutcome(requestId, what.name(), context.credential().tenant().value(),
                    keyId != null && keyId.isTextual() && keyId.textValue().length() <= 64 ? keyId.textValue() : "",
                    outcome, status, System.nanoTime() - started));
        });
    }

    private static Map<String, String> headers(RoutingContext ctx) {
        Map<String, String> headers = new HashMap<>();
        ctx.request().headers().forEach(e -> headers.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        headers.put("host", ctx.request().host()); // the Host header, or an HTTP/2 :authority
        return headers;
    }

    private ObjectNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw HuaweiException.missing("request body");
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw HuaweiException.badRequest("KMS.0202", "Invalid JSON format of the request message.");
            }
            return (ObjectNode) node;
        } catch (java.io.IOException e) {
            throw HuaweiException.badRequest("KMS.0202", "Invalid JSON format of the request message.");
        }
    }

    private HuaweiException translate(Throwable cause, String requestId) {
        if (cause instanceof HuaweiException e) {
            return e;
        }
        if (cause instanceof DomainException e) {
            return HuaweiErrors.of(e);
        }
        LOG.error("request {} failed inside Keyport", requestId, cause);
        return HuaweiException.kms(500, "KMS.0101", "KMS error.");
    }

    private void failure(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString().replace("-", "");
        if (ctx.statusCode() == 413) {
            respond(ctx, requestId, HuaweiException.badRequest("KMS.0203", "Request message too long."));
            return;
        }
        LOG.error("request {} failed in the HTTP layer", requestId, ctx.failure());
        respond(ctx, requestId, HuaweiException.kms(500, "KMS.0101", "KMS error."));
    }

    private void respond(RoutingContext ctx, String requestId, HuaweiException e) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ObjectNode body = json.createObjectNode();
        if (e.gateway()) {
            body.put("error_code", e.code()).put("error_msg", e.getMessage()).put("request_id", requestId);
        } else {
            body.putObject("error").put("error_code", e.code()).put("error_msg", e.getMessage());
        }
        ctx.response().setStatusCode(e.status()).putHeader("X-Request-Id", requestId)
                .putHeader("Content-Type", JSON_TYPE).end(body.toString());
    }
}
