package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.MasterKey;
import dev.keyport.application.support.FailedAuthenticationThrottle;
import dev.keyport.application.support.WrappingKeySharing;
import dev.keyport.domain.Region;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's configuration, from environment variables, each checked at start: a bad one stops the start with one
 * line that names it. The README's settings table lists every variable with its default.
 *
 * @param listeners        where and how the three listeners serve
 * @param database         the store: H2 in the data folder, or a JDBC URL, and the pool's bounds
 * @param dataDir          KEYPORT_DATA_DIR (./keyport-data): the H2 files and the generated master key
 * @param masterKey        KEYPORT_MASTER_KEY, base64 of 32 bytes; else the data folder's, generated on first start
 * @param credentials      KEYPORT_CREDENTIALS, the credentials file; else the development tenant
 * @param seed             KEYPORT_SEED, the seed file
 * @param sweepInterval    KEYPORT_SWEEP_SECONDS (60): how often expired material and due deletions are swept
 * @param defaultRegion    KEYPORT_TENCENT_DEFAULT_REGION (ap-guangzhou): a Tencent request without a region
 * @param wrappingKeys     the RSA-2048 wrapping keys kept ready, and how far one is shared among import tokens
 * @param shutdownGrace    KEYPORT_SHUTDOWN_SECONDS (10): how long in-flight requests may finish on SIGTERM
 * @param limits           request rates and the failed-authentication throttle
 * @param logFormat        KEYPORT_LOG_FORMAT (text): {@code text} or {@code json}, one object per line
 * @param auditRetention   KEYPORT_AUDIT_RETENTION_DAYS (0 = keep everything): audit rows older than this are
 *                         exported to {@code auditExportDir} and then deleted, by the sweep
 * @param auditExportDir   KEYPORT_AUDIT_EXPORT_DIR (the data folder's {@code audit-export}): where they go
 */
public record Settings(Listeners listeners, Database database, Path dataDir, Optional<MasterKey> masterKey,
                       Optional<Path> credentials, Optional<Path> seed, Duration sweepInterval, Region defaultRegion,
                       WrappingKeys wrappingKeys, Duration shutdownGrace, Limits limits, LogFormat logFormat,
                       Optional<Duration> auditRetention, Path auditExportDir) {

    /**
     * @param stock   KEYPORT_WRAPPING_KEY_STOCK (4): RSA-2048 wrapping keys generated ahead of time, off the request
     *                path, and assigned to no tenant until a request takes one
     * @param sharing KEYPORT_WRAPPING_KEY_TOKENS (100) and KEYPORT_WRAPPING_KEY_WINDOW_SECONDS (600): how many import
     *                tokens of one tenant, region, spec and algorithm one wrapping key backs at most, and for how long
     *                after its first; 1 or 0 gives every token a wrapping key of its own
     */
    public record WrappingKeys(int stock, WrappingKeySharing sharing) {
    }

    /**
     * @param bind           KEYPORT_BIND, the address all three listeners bind (127.0.0.1)
     * @param tencentPort    KEYPORT_TENCENT_PORT (9400; 0 = any free port)
     * @param huaweiPort     KEYPORT_HUAWEI_PORT (9401)
     * @param opsPort        KEYPORT_OPS_PORT (9402)
     * @param tls            KEYPORT_TLS_CERT and KEYPORT_TLS_KEY (PEM): HTTPS on all three listeners
     * @param idleTimeout    KEYPORT_IDLE_TIMEOUT_SECONDS (60): a connection with no traffic is closed
     * @param requestTimeout KEYPORT_REQUEST_TIMEOUT_SECONDS (30): a request must be received in full within this time
     *                       of its first byte, else its connection is closed
     * @param maxConnections KEYPORT_MAX_CONNECTIONS (1024): open connections per listener; more are closed at once
     */
    public record Listeners(String bind, int tencentPort, int huaweiPort, int opsPort, Optional<Tls> tls,
                            Duration idleTimeout, Duration requestTimeout, int maxConnections) {

        public boolean bindsLoopback() {
            try {
                return InetAddress.getByName(bind).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        public String scheme() {
            return tls.isPresent() ? "https" : "http";
        }
    }

    /** The certificate chain and its private key, both PEM files. */
    public record Tls(Path certificate, Path privateKey) {
    }

    /**
     * @param url               KEYPORT_DB_URL: a PostgreSQL (or H2) JDBC URL instead of the H2 files in the data folder
     * @param user              KEYPORT_DB_USER
     * @param password          KEYPORT_DB_PASSWORD
     * @param poolSize          KEYPORT_DB_POOL_SIZE (16 for PostgreSQL, 8 for H2): connections in the pool
     * @param connectionTimeout KEYPORT_DB_TIMEOUT_MS (2000): how long a request waits for a connection before it
     *                          fails with the vendor's transient error
     * @param queryTimeout      KEYPORT_DB_QUERY_TIMEOUT_SECONDS (30): PostgreSQL only, how long the driver waits for
     *                          an answer on an open connection
     * @param h2Fsync           KEYPORT_H2_FSYNC (false): H2 only, force every group of commits to the device before it
     *                          is acknowledged, so that it survives a power loss, not only a killed process
     */
    public record Database(Optional<String> url, String user, String password, int poolSize,
                           Duration connectionTimeout, Duration queryTimeout, boolean h2Fsync) {

        @Override
        public String toString() {
            return "Database[" + url.orElse("H2 in the data folder") + ", user " + user + ", password redacted]";
        }
    }

    /**
     * @param tencentRate         KEYPORT_TENCENT_RATE (100): requests per second per tenant and Tencent action
     * @param tencentCryptoRate   KEYPORT_TENCENT_CRYPTO_RATE (300): the same for Encrypt and Decrypt
     * @param huaweiRate          KEYPORT_HUAWEI_RATE (1000): requests per second per tenant and Huawei operation
     * @param authFailures        KEYPORT_AUTH_FAILURES (5): consecutive failed authentications that lock the presented
     *                            SecretId or AK (0 = off) — Huawei's gateway: 5 failures lock an AK for 5 minutes
     * @param authLockout         KEYPORT_AUTH_LOCK_SECONDS (300): how long a locked credential stays locked
     * @param addressFailures     KEYPORT_AUTH_ADDRESS_FAILURES (20): consecutive failed authentications that lock a
     *                            client address (0 = off; behind a reverse proxy every client has its address)
     * @param addressLockout      KEYPORT_AUTH_ADDRESS_LOCK_SECONDS (60): how long a locked address stays locked
     */
    public record Limits(int tencentRate, int tencentCryptoRate, int huaweiRate, int authFailures,
                         Duration authLockout, int addressFailures, Duration addressLockout) {

        /** At most this many presented credentials or addresses are remembered per API (least recent forgotten). */
        static final int REMEMBERED = 10_000;

        FailedAuthenticationThrottle.Policy credentialPolicy() {
            return authFailures == 0 ? FailedAuthenticationThrottle.Policy.off()
                    : new FailedAuthenticationThrottle.Policy(authFailures, authLockout, REMEMBERED);
        }

        FailedAuthenticationThrottle.Policy addressPolicy() {
            return addressFailures == 0 ? FailedAuthenticationThrottle.Policy.off()
                    : new FailedAuthenticationThrottle.Policy(addressFailures, addressLockout, REMEMBERED);
        }
    }

    public enum LogFormat { TEXT, JSON }

    public static Settings fromEnvironment(Map<String, String> env) {
        String bind = env.getOrDefault("KEYPORT_BIND", "127.0.0.1").strip();
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new BadSettingException("KEYPORT_BIND", "'" + bind + "' is not an address of this machine");
        }
        Optional<String> dbUrl = optional(env, "KEYPORT_DB_URL");
        dbUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw new BadSettingException("KEYPORT_DB_URL", "must be a jdbc:postgresql: (or jdbc:h2:) URL");
            }
        });
        Optional<MasterKey> masterKey = optional(env, "KEYPORT_MASTER_KEY").map(value -> {
            try {
                return MasterKey.fromBase64(value);
            } catch (IllegalArgumentException e) {
                throw new BadSettingException("KEYPORT_MASTER_KEY", "must be the base64 of 32 bytes");
            }
        });
        boolean postgres = dbUrl.map(url -> url.startsWith("jdbc:postgresql:")).orElse(false);
        Listeners listeners = new Listeners(bind,
                port(env, "KEYPORT_TENCENT_PORT", 9400),
                port(env, "KEYPORT_HUAWEI_PORT", 9401),
                port(env, "KEYPORT_OPS_PORT", 9402),
                tls(env),
                Duration.ofSeconds(number(env, "KEYPORT_IDLE_TIMEOUT_SECONDS", 60, 1, 86_400)),
                Duration.ofSeconds(number(env, "KEYPORT_REQUEST_TIMEOUT_SECONDS", 30, 1, 3600)),
                number(env, "KEYPORT_MAX_CONNECTIONS", 1024, 1, 1_000_000));
        Database database = new Database(dbUrl,
                env.getOrDefault("KEYPORT_DB_USER", ""),
                env.getOrDefault("KEYPORT_DB_PASSWORD", ""),
                number(env, "KEYPORT_DB_POOL_SIZE", postgres ? 16 : 8, 1, 1000),
                Duration.ofMillis(number(env, "KEYPORT_DB_TIMEOUT_MS", 2000, 250, 600_000)),
                Duration.ofSeconds(number(env, "KEYPORT_DB_QUERY_TIMEOUT_SECONDS", 30, 1, 3600)),
                flag(env, "KEYPORT_H2_FSYNC", false));
        Limits limits = new Limits(
                number(env, "KEYPORT_TENCENT_RATE", 100, 1, 1_000_000),
                number(env, "KEYPORT_TENCENT_CRYPTO_RATE", 300, 1, 1_000_000),
                number(env, "KEYPORT_HUAWEI_RATE", 1000, 1, 1_000_000),
                number(env, "KEYPORT_AUTH_FAILURES", 5, 0, 1_000_000),
                Duration.ofSeconds(number(env, "KEYPORT_AUTH_LOCK_SECONDS", 300, 1, 86_400)),
                number(env, "KEYPORT_AUTH_ADDRESS_FAILURES", 20, 0, 1_000_000),
                Duration.ofSeconds(number(env, "KEYPORT_AUTH_ADDRESS_LOCK_SECONDS", 60, 1, 86_400)));
        Path dataDir = Path.of(env.getOrDefault("KEYPORT_DATA_DIR", "keyport-data"));
        int retentionDays = number(env, "KEYPORT_AUDIT_RETENTION_DAYS", 0, 0, 365_000);
        return new Settings(listeners, database,
                dataDir,
                masterKey,
                readableFile(env, "KEYPORT_CREDENTIALS"),
                readableFile(env, "KEYPORT_SEED"),
                Duration.ofSeconds(number(env, "KEYPORT_SWEEP_SECONDS", 60, 1, 86_400)),
                region(env),
                new WrappingKeys(number(env, "KEYPORT_WRAPPING_KEY_STOCK", 4, 0, 1000), new WrappingKeySharing(
                        number(env, "KEYPORT_WRAPPING_KEY_TOKENS", 100, 1, WrappingKeySharing.MAX_TOKENS_PER_PAIR),
                        Duration.ofSeconds(number(env, "KEYPORT_WRAPPING_KEY_WINDOW_SECONDS", 600, 0,
                                (int) WrappingKeySharing.MAX_WINDOW.toSeconds())))),
                Duration.ofSeconds(number(env, "KEYPORT_SHUTDOWN_SECONDS", 10, 0, 3600)),
                limits,
                logFormat(env),
                retentionDays == 0 ? Optional.empty() : Optional.of(Duration.ofDays(retentionDays)),
                optional(env, "KEYPORT_AUDIT_EXPORT_DIR").map(Path::of).orElse(dataDir.resolve("audit-export")));
    }

    /** The log format alone, read before anything logs (the rest of the settings may be wrong). */
    static LogFormat logFormat(Map<String, String> env) {
        String value = optional(env, "KEYPORT_LOG_FORMAT").orElse("text").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new BadSettingException("KEYPORT_LOG_FORMAT", "'" + value + "' is not text or json");
        };
    }

    public boolean bindsLoopback() {
        return listeners.bindsLoopback();
    }

    /** Every effective setting by its variable, for the start log: secrets are redacted, never printed. */
    public Map<String, String> effective() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("KEYPORT_BIND", listeners.bind());
        shown.put("KEYPORT_TENCENT_PORT", String.valueOf(listeners.tencentPort()));
        shown.put("KEYPORT_HUAWEI_PORT", String.valueOf(listeners.huaweiPort()));
        shown.put("KEYPORT_OPS_PORT", String.valueOf(listeners.opsPort()));
        shown.put("KEYPORT_TLS_CERT", listeners.tls().map(t -> t.certificate().toString()).orElse("(none: HTTP)"));
        shown.put("KEYPORT_TLS_KEY", listeners.tls().map(t -> t.privateKey().toString()).orElse("(none)"));
        shown.put("KEYPORT_IDLE_TIMEOUT_SECONDS", String.valueOf(listeners.idleTimeout().toSeconds()));
        shown.put("KEYPORT_REQUEST_TIMEOUT_SECONDS", String.valueOf(listeners.requestTimeout().toSeconds()));
        shown.put("KEYPORT_MAX_CONNECTIONS", String.valueOf(listeners.maxConnections()));
        shown.put("KEYPORT_DATA_DIR", dataDir.toAbsolutePath().toString());
        shown.put("KEYPORT_DB_URL", database.url().map(Settings::withoutPassword).orElse("(H2 in the data folder)"));
        shown.put("KEYPORT_DB_USER", database.user());
        shown.put("KEYPORT_DB_PASSWORD", database.password().isEmpty() ? "(none)" : "(redacted)");
        shown.put("KEYPORT_DB_POOL_SIZE", String.valueOf(database.poolSize()));
        shown.put("KEYPORT_DB_TIMEOUT_MS", String.valueOf(database.connectionTimeout().toMillis()));
        shown.put("KEYPORT_DB_QUERY_TIMEOUT_SECONDS", String.valueOf(database.queryTimeout().toSeconds()));
        shown.put("KEYPORT_H2_FSYNC", String.valueOf(database.h2Fsync()));
        shown.put("KEYPORT_AUDIT_RETENTION_DAYS", auditRetention.map(d -> String.valueOf(d.toDays()))
                .orElse("0 (keep everything)"));
        shown.put("KEYPORT_AUDIT_EXPORT_DIR", auditExportDir.toAbsolutePath().toString());
        shown.put("KEYPORT_MASTER_KEY", masterKey.isPresent() ? "(given, redacted)" : "(the data folder's)");
        shown.put("KEYPORT_CREDENTIALS", credentials.map(Path::toString).orElse("(development tenant)"));
        shown.put("KEYPORT_SEED", seed.map(Path::toString).orElse("(none)"));
        shown.put("KEYPORT_SWEEP_SECONDS", String.valueOf(sweepInterval.toSeconds()));
        shown.put("KEYPORT_TENCENT_DEFAULT_REGION", defaultRegion.value());
        shown.put("KEYPORT_WRAPPING_KEY_STOCK", String.valueOf(wrappingKeys.stock()));
        shown.put("KEYPORT_WRAPPING_KEY_TOKENS", String.valueOf(wrappingKeys.sharing().tokensPerPair()));
        shown.put("KEYPORT_WRAPPING_KEY_WINDOW_SECONDS", String.valueOf(wrappingKeys.sharing().window().toSeconds()));
        shown.put("KEYPORT_SHUTDOWN_SECONDS", String.valueOf(shutdownGrace.toSeconds()));
        shown.put("KEYPORT_TENCENT_RATE", String.valueOf(limits.tencentRate()));
        shown.put("KEYPORT_TENCENT_CRYPTO_RATE", String.valueOf(limits.tencentCryptoRate()));
        shown.put("KEYPORT_HUAWEI_RATE", String.valueOf(limits.huaweiRate()));
        shown.put("KEYPORT_AUTH_FAILURES", String.valueOf(limits.authFailures()));
        shown.put("KEYPORT_AUTH_LOCK_SECONDS", String.valueOf(limits.authLockout().toSeconds()));
        shown.put("KEYPORT_AUTH_ADDRESS_FAILURES", String.valueOf(limits.addressFailures()));
        shown.put("KEYPORT_AUTH_ADDRESS_LOCK_SECONDS", String.valueOf(limits.addressLockout().toSeconds()));
        shown.put("KEYPORT_LOG_FORMAT", logFormat.name().toLowerCase(Locale.ROOT));
        return shown;
    }

    /** A JDBC URL may carry a password as a parameter: it is not shown. */
    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1(redacted)");
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return number(env, name, fallback, 0, 65_535);
    }

    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String value = optional(env, name).orElse(String.valueOf(fallback)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadSettingException(name, "'" + value + "' is not true or false");
        };
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> value = optional(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadSettingException(name, "'" + value.get() + "' is not a number from " + min + " to " + max);
        }
    }

    private static Optional<Path> readableFile(Map<String, String> env, String name) {
        return optional(env, name).map(Path::of).map(path -> {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new BadSettingException(name, "'" + path + "' is not a readable file");
            }
            return path;
        });
    }

    private static Optional<Tls> tls(Map<String, String> env) {
        Optional<Path> certificate = readableFile(env, "KEYPORT_TLS_CERT");
        Optional<Path> key = readableFile(env, "KEYPORT_TLS_KEY");
        if (certificate.isPresent() != key.isPresent()) {
            String missing = certificate.isPresent() ? "KEYPORT_TLS_KEY" : "KEYPORT_TLS_CERT";
            throw new BadSettingException(missing, "is needed too: HTTPS takes a certificate and its private key");
        }
        return certificate.map(c -> new Tls(c, key.get()));
    }

    private static Region region(Map<String, String> env) {
        String value = env.getOrDefault("KEYPORT_TENCENT_DEFAULT_REGION", "ap-guangzhou").strip();
        try {
            return Region.of(value);
        } catch (RuntimeException e) {
            throw new BadSettingException("KEYPORT_TENCENT_DEFAULT_REGION", "'" + value + "' is not a region name");
        }
    }

    @Override
    public String toString() {
        return "Settings" + effective();
    }
}
