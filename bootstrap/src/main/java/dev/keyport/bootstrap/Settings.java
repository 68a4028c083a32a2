package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.MasterKey;
import dev.keyport.domain.Region;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server's configuration, from environment variables, each checked at start: a bad one stops the start with one
 * line that names it.
 *
 * @param bind               KEYPORT_BIND, the address all three listeners bind (127.0.0.1)
 * @param tencentPort        KEYPORT_TENCENT_PORT (9400; 0 = any free port)
 * @param huaweiPort         KEYPORT_HUAWEI_PORT (9401)
 * @param opsPort            KEYPORT_OPS_PORT (9402)
 * @param dataDir            KEYPORT_DATA_DIR (./keyport-data): the H2 files and the generated master key
 * @param dbUrl              KEYPORT_DB_URL: a PostgreSQL (or H2) JDBC URL instead of the H2 files in the data folder
 * @param dbUser             KEYPORT_DB_USER
 * @param dbPassword         KEYPORT_DB_PASSWORD
 * @param masterKey          KEYPORT_MASTER_KEY, base64 of 32 bytes; else the data folder's, generated on first start
 * @param credentials        KEYPORT_CREDENTIALS, the credentials file; else the development tenant
 * @param seed               KEYPORT_SEED, the seed file
 * @param sweepInterval      KEYPORT_SWEEP_SECONDS (60): how often expired material and due deletions are swept
 * @param defaultRegion      KEYPORT_TENCENT_DEFAULT_REGION (ap-guangzhou): a Tencent request without a region
 * @param wrappingKeyStock   KEYPORT_WRAPPING_KEY_STOCK (4): RSA-2048 wrapping keys kept ready
 * @param shutdownGrace      KEYPORT_SHUTDOWN_SECONDS (10): how long in-flight requests may finish on SIGTERM
 * @param tencentRate        KEYPORT_TENCENT_RATE (100): requests per second per tenant and Tencent action
 * @param tencentCryptoRate  KEYPORT_TENCENT_CRYPTO_RATE (300): the same for Encrypt and Decrypt
 * @param huaweiRate         KEYPORT_HUAWEI_RATE (1000): requests per second per tenant and Huawei operation
 */
public record Settings(String bind, int tencentPort, int huaweiPort, int opsPort, Path dataDir,
                       Optional<String> dbUrl, String dbUser, String dbPassword, Optional<MasterKey> masterKey,
                       Optional<Path> credentials, Optional<Path> seed, Duration sweepInterval, Region defaultRegion,
                       int wrappingKeyStock, Duration shutdownGrace, int tencentRate, int tencentCryptoRate,
                       int huaweiRate) {

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
        return new Settings(bind,
                port(env, "KEYPORT_TENCENT_PORT", 9400),
                port(env, "KEYPORT_HUAWEI_PORT", 9401),
                port(env, "KEYPORT_OPS_PORT", 9402),
                Path.of(env.getOrDefault("KEYPORT_DATA_DIR", "keyport-data")),
                dbUrl,
                env.getOrDefault("KEYPORT_DB_USER", ""),
                env.getOrDefault("KEYPORT_DB_PASSWORD", ""),
                masterKey,
                readableFile(env, "KEYPORT_CREDENTIALS"),
                readableFile(env, "KEYPORT_SEED"),
                Duration.ofSeconds(number(env, "KEYPORT_SWEEP_SECONDS", 60, 1, 86_400)),
                region(env),
                number(env, "KEYPORT_WRAPPING_KEY_STOCK", 4, 0, 1000),
                Duration.ofSeconds(number(env, "KEYPORT_SHUTDOWN_SECONDS", 10, 0, 3600)),
                number(env, "KEYPORT_TENCENT_RATE", 100, 1, 1_000_000),
                number(env, "KEYPORT_TENCENT_CRYPTO_RATE", 300, 1, 1_000_000),
                number(env, "KEYPORT_HUAWEI_RATE", 1000, 1, 1_000_000));
    }

    public boolean bindsLoopback() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return number(env, name, fallback, 0, 65_535);
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
        return "Settings[bind " + bind + ", ports " + tencentPort + "/" + huaweiPort + "/" + opsPort + ", data "
                + dataDir + ", database " + dbUrl.orElse("H2 in the data folder") + ", secrets redacted]";
    }
}
