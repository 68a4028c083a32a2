package dev.keyport.adapter.tencent;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The Tencent adapter on a random port over an in-memory Keyport, and official SDK clients pointed at it. */
final class TencentServer implements AutoCloseable {

    static final String SECRET_ID = "AKIDkeyporttest0001";
    static final String SECRET_KEY = "keyport-test-secret-key";
    static final String OTHER_SECRET_ID = "AKIDkeyportother0002";
    static final String OTHER_SECRET_KEY = "keyport-other-secret-key";
    static final long UIN = 100000000001L;
    /** Two tenants, one credential each. */
    static final TencentCredentials CREDENTIALS = credentials(
            new TencentCredential(TenantId.of("tenant-a"), SECRET_ID, Secret.of(SECRET_KEY), 1250000000L, UIN),
            new TencentCredential(TenantId.of("tenant-b"), OTHER_SECRET_ID, Secret.of(OTHER_SECRET_KEY),
                    1250000001L, UIN + 1));

    /** A lookup over the given credentials. */
    static TencentCredentials credentials(TencentCredential... credentials) {
        java.util.Map<String, TencentCredential> bySecretId = new java.util.HashMap<>();
        for (TencentCredential credential : credentials) {
            bySecretId.put(credential.secretId(), credential);
        }
        return secretId -> java.util.Optional.ofNullable(bySecretId.get(secretId));
    }

    final Vertx vertx = Vertx.vertx();
    final Keyport keyport;
    final TencentApi api;
    final HttpServer server;

    TencentServer() throws Exception {
        this(new InMemoryKeyRepository(), TencentApiConfig.defaults(Region.of("ap-guangzhou")));
    }

    TencentServer(KeyRepository keys, TencentApiConfig config) throws Exception {
        this(keys, config, outcome -> { });
    }

    TencentServer(KeyRepository keys, TencentApiConfig config, Consumer<TencentApi.RequestOutcome> observer)
            throws Exception {
        this(Keyport.builder().clock(Clock.systemUTC()).storage(new InMemoryKeyStorage(keys, new InMemoryAuditLog()))
                .build(), config, observer);
    }

    TencentServer(Keyport keyport, TencentApiConfig config, Consumer<TencentApi.RequestOutcome> observer)
            throws Exception {
        this.keyport = keyport;
        api = new TencentApi(keyport, CREDENTIALS, Clock.systemUTC(), config, new SupportGuards(System::nanoTime))
                .observe(observer);
        server = api.listen(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** {@code prefix} and eight random characters: an alias no other test of the run takes. */
    static String alias(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    int port() {
        return server.actualPort();
    }

    KmsClient client() {
        return client(SECRET_ID, SECRET_KEY, "ap-guangzhou", new ClientProfile());
    }

    KmsClient client(String secretId, String secretKey, String region, ClientProfile profile) {
        HttpProfile http = profile.getHttpProfile() == null ? new HttpProfile() : profile.getHttpProfile();
        http.setEndpoint("127.0.0.1:" + port());
        http.setProtocol("http://");
        profile.setHttpProfile(http);
        return new KmsClient(new Credential(secretId, secretKey), region, profile);
    }

    TestSigner signer() {
        return new TestSigner(SECRET_ID, SECRET_KEY, port());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
