package dev.keyport.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.keyport.adapter.huawei.HuaweiApi;
import dev.keyport.adapter.huawei.HuaweiApiConfig;
import dev.keyport.adapter.jdbc.JdbcStore;
import dev.keyport.adapter.jdbc.JdbcStoreConfig;
import dev.keyport.adapter.jdbc.MasterKey;
import dev.keyport.adapter.tencent.TencentApi;
import dev.keyport.adapter.tencent.TencentApiConfig;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.support.PregeneratedWrappingKeySource;
import dev.keyport.application.support.SharedWrappingKeySource;
import dev.keyport.domain.WrappingKeySpec;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyport, wired: the domain and application on the JDBC store, both vendor APIs and the operations endpoints, the
 * sweep on a schedule and wrapping keys generated ahead of time, each shared by the import tokens of one tenant,
 * region and algorithm within the configured bounds. Start it, read its bound addresses, stop it.
 */
public final class KeyportServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyportServer.class);

    private final Settings settings;
    private final Vertx vertx;
    private final JdbcStore store;
    private final PregeneratedWrappingKeySource wrappingKeys;
    private final Gate gate = new Gate();
    private final HttpServer tencent;
    private final HttpServer huawei;
    private final HttpServer ops;
    private final Observability observability;
    private final long sweepTimer;
    private volatile boolean stopped;

    private KeyportServer(Settings settings) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        LOG.atInfo().addKeyValue("version", Version.current()).addKeyValue("data_dir",
                settings.dataDir().toAbsolutePath()).addKeyValue("store", settings.database().url().isPresent()
                ? "postgresql" : "h2").log("keyport starting");
        LOG.atInfo().addKeyValue("settings", settings.effective()).log("settings");
        CredentialDirectory directory = CredentialsFile.load(settings.credentials(), settings.bindsLoopback());
        if (settings.credentials().isEmpty()) {
            LOG.warn("the public development credentials are active (Tencent SecretId {}, Huawei AK {}): anyone "
                    + "who has read the README can sign requests; give KEYPORT_CREDENTIALS for anything but local "
                    + "development", CredentialsFile.DEV_TENCENT_SECRET_ID, CredentialsFile.DEV_HUAWEI_AK);
        }
        MasterKey masterKey = MasterKeys.resolve(settings.masterKey(), settings.dataDir(), random);
        this.store = openStore(settings, masterKey, random);
        Vertx started = null;
        PregeneratedWrappingKeySource stock = null;
        Observability metrics = null;
        try {
            settings.seed().ifPresent(seed -> {
                // before the wrapping-key stock starts generating: seeding takes no wrapping key, and has the CPU
                SeedFile.Applied applied = SeedFile.apply(seed, Keyport.builder().clock(clock).random(random)
                        .storage(store).build());
                LOG.atInfo().addKeyValue("seed", seed).addKeyValue("created", applied.created())
                        .addKeyValue("already_present", applied.alreadyPresent()).log("seeded keys");
            });
            Settings.WrappingKeys wrapping = settings.wrappingKeys();
            stock = new PregeneratedWrappingKeySource(Map.of(WrappingKeySpec.RSA_2048, wrapping.stock()),
                    random, runnable -> new Thread(runnable, "keyport-wrapping-keys"));
            SharedWrappingKeySource shared = new SharedWrappingKeySource(stock, wrapping.sharing());
            Keyport keyport = Keyport.builder().clock(clock).random(random).storage(store).wrappingKeys(shared)
                    .build();

            metrics = new Observability();
            metrics.bindStore(store);
            ((HikariDataSource) store.dataSource()).setMetricRegistry(metrics.registry);
            started = Vertx.vertx();
            Settings.Limits limits = settings.limits();
            TencentApi tencentApi = new TencentApi(keyport, directory.tencent(), clock, new TencentApiConfig(
                    settings.defaultRegion(), limits.tencentRate(), limits.tencentCryptoRate(), Map.of())
                    .withThrottles(ServerGuards.tencentLockout(limits.credentialPolicy()),
                            ServerGuards.tencentLockout(limits.addressPolicy())),
                    new ServerGuards(System::nanoTime)).observe(metrics::tencent);
            HuaweiApi huaweiApi = new HuaweiApi(keyport, directory.huawei(), clock, new HuaweiApiConfig(
                    limits.huaweiRate(), Map.of(), ServerGuards.huaweiLockout(limits.credentialPolicy()),
                    ServerGuards.huaweiLockout(limits.addressPolicy())), new ServerGuards(System::nanoTime))
                    .observe(metrics::huawei);
            Settings.Listeners listen = settings.listeners();
            Vertx vertxForTls = started;
            listen.tls().ifPresent(tls -> checkTls(vertxForTls, tls));
            this.tencent = listen(started, "KEYPORT_TENCENT_PORT", "tencent",
                    TencentApi.serverOptions(listen.bind(), listen.tencentPort()), tencentApi.router(started),
                    tencentApi.invalidRequestHandler(), tencentApi.unavailableHandler());
            this.huawei = listen(started, "KEYPORT_HUAWEI_PORT", "huawei",
                    HuaweiApi.serverOptions(listen.bind(), listen.huaweiPort()), huaweiApi.router(started),
                    huaweiApi.invalidRequestHandler(), huaweiApi.unavailableHandler());
            this.ops = listen(started, "KEYPORT_OPS_PORT", "ops",
                    new HttpServerOptions().setHost(listen.bind()).setPort(listen.opsPort())
                            .setHttp2ClearTextEnabled(false),
                    OpsApi.router(started, store, metrics, clock), null, Gate.PLAIN_UNAVAILABLE);
            Vertx loop = started;
            JdbcStore swept = store;
            this.sweepTimer = started.setPeriodic(settings.sweepInterval().toMillis(), id -> loop.executeBlocking(
                    () -> {
                        shared.forgetRetired(clock.instant()); // also when no request has come since
                        return keyport.sweep(new SweepCommand(500));
                    }, false).onComplete(done -> {
                        logSweep(done.result(), done.cause());
                        settings.auditRetention().ifPresent(retention -> loop.executeBlocking(() -> swept
                                .exportAndPruneAudit(clock.instant().minus(retention), AUDIT_BATCH,
                                        new AuditExport(settings.auditExportDir())), false)
                                .onComplete(pruned -> logAuditRetention(pruned.result(), pruned.cause())));
                    }));
        } catch (RuntimeException e) {
            if (started != null) {
                await(started.close());
            }
            if (stock != null) {
                stock.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            store.close();
            throw e;
        }
        this.vertx = started;
        this.wrappingKeys = stock;
        this.observability = metrics;
        LOG.atInfo().addKeyValue("tencent", tencentUrl()).addKeyValue("huawei", huaweiUrl())
                .addKeyValue("ops", opsUrl()).log("keyport ready");
    }

    public static KeyportServer start(Settings settings) {
        return new KeyportServer(settings);
    }

    /** Opens the store the settings name, with the pool's bounds, under {@code masterKey}. */
    static JdbcStore openStore(Settings settings, MasterKey masterKey, SecureRandom random) {
        Settings.Database database = settings.database();
        JdbcStoreConfig config;
        if (database.url().isPresent()) {
            config = new JdbcStoreConfig(database.url().get(), database.user(), database.password(), masterKey,
                    database.poolSize(), database.connectionTimeout(), database.queryTimeout(), database.h2Fsync());
        } else {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new BadSettingException("KEYPORT_DATA_DIR", "cannot create '" + settings.dataDir() + "'");
            }
            config = JdbcStoreConfig.h2(settings.dataDir(), masterKey).withPool(database.poolSize(),
                    database.connectionTimeout(), database.queryTimeout()).withFsync(database.h2Fsync());
        }
        try {
            return JdbcStore.open(config, random);
        } catch (JdbcStore.WrongMasterKeyException e) {
            throw new BadSettingException("KEYPORT_MASTER_KEY", "is not the key this database's secrets were "
                    + "sealed with");
        } catch (RuntimeException e) {
            throw new BadSettingException(database.url().isPresent() ? "KEYPORT_DB_URL" : "KEYPORT_DATA_DIR",
                    "the database cannot be opened (" + rootMessage(e) + ")");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Loads the certificate and its key once before any listener uses them, so that a bad pair names its setting. */
    private static void checkTls(Vertx vertx, Settings.Tls tls) {
        try {
            new PemKeyCertOptions().setCertPath(tls.certificate().toString()).setKeyPath(tls.privateKey().toString())
                    .getKeyManagerFactory(vertx);
        } catch (Exception e) {
            throw new BadSettingException("KEYPORT_TLS_CERT", "'" + tls.certificate() + "' with the key '"
                    + tls.privateKey() + "' is not a PEM certificate chain and its private key (" + rootMessage(e)
                    + ")");
        }
    }

    /**
     * @param invalid     answers a request the HTTP decoder refused (too long a line or headers, bad syntax) in the
     *                    listener's own shape; null for Vert.x's plain answer
     * @param unavailable answers a request that arrives while the server drains on shutdown
     */
    private HttpServer listen(Vertx vertx, String setting, String name, HttpServerOptions options, Router router,
                              Handler<HttpServerRequest> invalid, Handler<HttpServerRequest> unavailable) {
        Settings.Listeners listen = settings.listeners();
        options.setIdleTimeout((int) listen.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
        listen.tls().ifPresent(tls -> options.setSsl(true).setPemKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certificate().toString()).setKeyPath(tls.privateKey().toString())));
        ConnectionGuard guard = new ConnectionGuard(name, listen.requestTimeout(), listen.maxConnections());
        try {
            HttpServer server = vertx.createHttpServer(options).connectionHandler(guard.connectionHandler())
                    .requestHandler(gate.guard(router, unavailable));
            if (invalid != null) {
                server.invalidRequestHandler(invalid);
            }
            return await(server.listen());
        } catch (RuntimeException e) {
            throw new BadSettingException(setting, "cannot listen on " + options.getHost() + ":" + options.getPort()
                    + " (" + rootMessage(e) + ")");
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Audit rows exported and deleted in one transaction. */
    static final int AUDIT_BATCH = 10_000;

    private void logAuditRetention(Long pruned, Throwable failure) {
        if (failure != null) {
            LOG.atError().addKeyValue("export_dir", settings.auditExportDir()).addKeyValue("error",
                    rootMessage(failure)).log("audit retention failed: nothing older was deleted past the last "
                    + "exported batch");
        } else if (pruned > 0) {
            LOG.atInfo().addKeyValue("rows", pruned).addKeyValue("export_dir", settings.auditExportDir())
                    .log("audit retention: rows exported and deleted");
        }
    }

    private static void logSweep(SweepResult result, Throwable failure) {
        if (failure != null) {
            LOG.error("sweep failed", failure);
        } else if (result.materialExpired() + result.keysPurged() + result.grantsRemoved() > 0) {
            LOG.info("sweep: {} expired material deleted, {} keys purged, {} expired import grants removed",
                    result.materialExpired(), result.keysPurged(), result.grantsRemoved());
        }
    }

    public String tencentUrl() {
        return url(tencent);
    }

    public String huaweiUrl() {
        return url(huawei);
    }

    public String opsUrl() {
        return url(ops);
    }

    public int tencentPort() {
        return tencent.actualPort();
    }

    public int huaweiPort() {
        return huawei.actualPort();
    }

    public int opsPort() {
        return ops.actualPort();
    }

    private String url(HttpServer server) {
        String bind = settings.listeners().bind();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return settings.listeners().scheme() + "://" + host + ":" + server.actualPort();
    }

    /** The one line printed when the server is ready. */
    public String readyLine() {
        return "keyport ready tencent=" + tencentUrl() + " huawei=" + huaweiUrl() + " ops=" + opsUrl();
    }

    /**
     * Stops accepting, lets the requests in flight finish (up to the grace period), then closes the listeners, the
     * wrapping-key stock and the pool.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        long stopping = System.nanoTime();
        LOG.atInfo().addKeyValue("in_flight", gate.inFlight()).addKeyValue("grace", grace).log("keyport stopping");
        try {
            if (!gate.closeAndDrain(grace)) {
                LOG.warn("{} requests were still in flight after {}", gate.inFlight(), grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vertx.cancelTimer(sweepTimer);
        await(vertx.close());
        wrappingKeys.close();
        observability.close();
        store.close();
        LOG.atInfo().addKeyValue("took_ms", (System.nanoTime() - stopping) / 1_000_000).log("keyport stopped");
    }

    @Override
    public void close() {
        stop(settings.shutdownGrace());
    }
}
