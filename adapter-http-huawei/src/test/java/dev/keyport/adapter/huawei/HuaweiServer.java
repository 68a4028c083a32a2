package dev.keyport.adapter.huawei;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The Huawei adapter on a random port over an in-memory Keyport (or a stub), and official SDK clients pointed at it. */
final class HuaweiServer implements AutoCloseable {

    static final String AK = "KEYPORTTESTAK0001";
    static final String SK = "keyport-test-secret-key-huawei";
    static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String SECOND_PROJECT = "1b2c3d4e5f60718293a4b5c6d7e8f90a";
    static final String OTHER_AK = "KEYPORTOTHERAK0002";
    static final String OTHER_SK = "keyport-other-secret-key-huawei";
    static final String OTHER_PROJECT = "ffffffffffffffffffffffffffffffff";
    static final String DOMAIN = "b168fe00ff56492495a7d22974df2d0b";

    final Vertx vertx = Vertx.vertx();
    final Keyport keyport;
    final HttpServer server;
    final HuaweiApi api;
    /** What the API reported of every request, in order. */
    final List<HuaweiApi.RequestOutcome> outcomes = new CopyOnWriteArrayList<>();

    HuaweiServer() throws Exception {
        this(new InMemoryKeyRepository(), HuaweiApiConfig.defaults());
    }

    HuaweiServer(KeyRepository keys, HuaweiApiConfig config) throws Exception {
        this(Keyport.builder().clock(Clock.systemUTC()).storage(storage(keys)), config, System::nanoTime);
    }

    /** @param nanoTime the monotonic time of the API's rate limits and lockouts */
    HuaweiServer(Keyport.Builder keyportBuilder, HuaweiApiConfig config, LongSupplier nanoTime) throws Exception {
        this(keyportBuilder.build(), config, nanoTime);
    }

    /** The adapter over any {@link Keyport}: the application's, or a stub. */
    HuaweiServer(Keyport keyport, HuaweiApiConfig config, LongSupplier nanoTime) throws Exception {
        this.keyport = keyport;
        HuaweiCredentials credentials = credentials(
                new HuaweiCredential(TenantId.of("tenant-a"), AK, Secret.of(SK), DOMAIN,
                        Map.of(PROJECT, Region.of("cn-north-4"), SECOND_PROJECT, Region.of("cn-east-3"))),
                new HuaweiCredential(TenantId.of("tenant-b"), OTHER_AK, Secret.of(OTHER_SK),
                        "c168fe00ff56492495a7d22974df2d0c", Map.of(OTHER_PROJECT, Region.of("cn-north-4"))));
        api = new HuaweiApi(keyport, credentials, Clock.systemUTC(), config, new SupportGuards(nanoTime))
                .observe(outcomes::add);
        server = api.listen(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** A lookup over the given credentials. */
    static HuaweiCredentials credentials(HuaweiCredential... credentials) {
        Map<String, HuaweiCredential> byAccessKey = new java.util.HashMap<>();
        for (HuaweiCredential credential : credentials) {
            byAccessKey.put(credential.accessKey(), credential);
        }
        return accessKey -> java.util.Optional.ofNullable(byAccessKey.get(accessKey));
    }

    /** In-memory storage around a repository a test chose (to count or to inject faults). */
    static InMemoryKeyStorage storage(KeyRepository keys) {
        return new InMemoryKeyStorage(keys, new InMemoryAuditLog());
    }

    /** {@code prefix} and eight random characters: an alias no other test of the run takes. */
    static String alias(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    int port() {
        return server.actualPort();
    }

    KmsClient client() {
        return client(AK, SK, PROJECT);
    }

    KmsClient client(String ak, String sk, String project) {
        BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(project);
        return KmsClient.newBuilder().withCredential(credentials)
                .withEndpoints(List.of("http://127.0.0.1:" + port())).build();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
