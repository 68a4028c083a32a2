package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.JdbcStore;
import dev.keyport.adapter.jdbc.MasterKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: serve (the default), healthcheck, gen-master-key, rotate-master-key; --help and --version. */
final class Cli {

    private Cli() {
    }

    static CommandLine commandLine(Map<String, String> env, PrintStream out, PrintStream err) {
        return new CommandLine(new Root(env, out, err))
                .addSubcommand(new Serve(env, out, err))
                .addSubcommand(new Healthcheck(env, out, err))
                .addSubcommand(new GenMasterKey(out))
                .addSubcommand(new RotateMasterKey(env, out, err))
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (e instanceof BadSettingException bad) {
                        err.println("keyport: " + bad.getMessage());
                        return Main.BAD_SETTING;
                    }
                    throw e;
                });
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"keyport " + Version.current()};
        }
    }

    /** A command that reads the environment's settings and writes to the given streams. */
    abstract static class EnvironmentCommand implements Callable<Integer> {
        final Map<String, String> env;
        final PrintStream out;
        final PrintStream err;

        EnvironmentCommand(Map<String, String> env, PrintStream out, PrintStream err) {
            this.env = env;
            this.out = out;
            this.err = err;
        }
    }

    /** Serving, the root command's work and the {@code serve} command's alike. */
    abstract static class Serving extends EnvironmentCommand {
        Serving(Map<String, String> env, PrintStream out, PrintStream err) {
            super(env, out, err);
        }

        @Override
        public Integer call() {
            return Main.serve(env, out, err);
        }
    }

    @Command(name = "keyport", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"A key management service for imported key material (BYOK), speaking Tencent Cloud KMS "
                    + "API 3.0 and Huawei Cloud KMS v1.0.", "",
                    "Without a command it serves. Every setting is an environment variable (KEYPORT_*), listed in "
                            + "the README."})
    static final class Root extends Serving {
        Root(Map<String, String> env, PrintStream out, PrintStream err) {
            super(env, out, err);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Serve both vendor APIs and the operations endpoints until SIGTERM (the default command).")
    static final class Serve extends Serving {
        Serve(Map<String, String> env, PrintStream out, PrintStream err) {
            super(env, out, err);
        }
    }

    @Command(name = "healthcheck", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Exit 0 when the configured operations listener answers GET /healthz, else 1.",
                    "For container health checks: it reads the same KEYPORT_* settings as the server. Over HTTPS it "
                            + "checks liveness, not the certificate."})
    static final class Healthcheck extends EnvironmentCommand {

        @Option(names = "--timeout-seconds", defaultValue = "5", description = "How long to wait (default 5).")
        int timeoutSeconds;

        Healthcheck(Map<String, String> env, PrintStream out, PrintStream err) {
            super(env, out, err);
        }

        @Override
        public Integer call() {
            Settings settings = Settings.fromEnvironment(env);
            URI uri = URI.create(settings.listeners().scheme() + "://" + reachable(settings.listeners().bind()) + ":"
                    + settings.listeners().opsPort() + "/healthz");
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                if (connection instanceof HttpsURLConnection https) {
                    https.setSSLSocketFactory(trustingContext().getSocketFactory());
                    https.setHostnameVerifier((host, session) -> true);
                }
                connection.setConnectTimeout(timeoutSeconds * 1000);
                connection.setReadTimeout(timeoutSeconds * 1000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    out.println("keyport: healthy (" + uri + ")");
                    return 0;
                }
                err.println("keyport: unhealthy: " + uri + " answered " + status);
            } catch (IOException e) {
                err.println("keyport: unhealthy: " + uri + " does not answer (" + e.getMessage() + ")");
            }
            return 1;
        }

        /** The address to reach a listener bound to {@code bind}: loopback for a wildcard bind. */
        private static String reachable(String bind) {
            try {
                InetAddress address = InetAddress.getByName(bind);
                if (address.isAnyLocalAddress()) {
                    return bind.contains(":") ? "[::1]" : "127.0.0.1";
                }
            } catch (UnknownHostException e) {
                // Settings checked it; use it as it is
            }
            return bind.contains(":") ? "[" + bind + "]" : bind;
        }

        private static SSLContext trustingContext() throws IOException {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    }

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    }

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }}, new SecureRandom());
                return context;
            } catch (GeneralSecurityException e) {
                throw new IOException("TLS is not available", e);
            }
        }
    }

    @Command(name = "gen-master-key", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Print a new random master key (base64 of 32 bytes) for KEYPORT_MASTER_KEY.")
    static final class GenMasterKey implements Callable<Integer> {
        private final PrintStream out;

        GenMasterKey(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            out.println(MasterKey.generate(new SecureRandom()).toBase64());
            return 0;
        }
    }

    @Command(name = "rotate-master-key", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Re-seal every secret of the store under a new master key, in one transaction.",
                    "The current key is KEYPORT_MASTER_KEY, or the data folder's master.key; the store is "
                            + "KEYPORT_DB_URL or the data folder's H2 files. Stop every server that uses the store "
                            + "and back it up first. When the current key is the data folder's, the new one replaces "
                            + "it there; otherwise start every server with KEYPORT_MASTER_KEY set to the new key."})
    static final class RotateMasterKey extends EnvironmentCommand {

        @Option(names = "--new-key-file", required = true, paramLabel = "FILE",
                description = "A file holding the new master key in base64 (see gen-master-key). Never on the "
                        + "command line, where other users of the machine can read it.")
        Path newKeyFile;

        RotateMasterKey(Map<String, String> env, PrintStream out, PrintStream err) {
            super(env, out, err);
        }

        @Override
        public Integer call() {
            Settings settings = Settings.fromEnvironment(env);
            MasterKey next;
            try {
                next = MasterKey.fromBase64(Files.readString(newKeyFile, StandardCharsets.US_ASCII));
            } catch (IOException | IllegalArgumentException e) {
                throw new BadSettingException("--new-key-file", "'" + newKeyFile + "' does not hold the base64 of "
                        + "32 bytes");
            }
            Optional<MasterKey> given = settings.masterKey();
            MasterKey current = given.or(() -> MasterKeys.existing(settings.dataDir())).orElseThrow(() ->
                    new BadSettingException("KEYPORT_MASTER_KEY", "there is no current master key to rotate: set "
                            + "it, or point KEYPORT_DATA_DIR at the data folder that holds master.key"));
            if (current.toBase64().equals(next.toBase64())) {
                throw new BadSettingException("--new-key-file", "holds the current master key");
            }
            SecureRandom random = new SecureRandom();
            long resealed;
            try (JdbcStore store = KeyportServer.openStore(settings, current, random)) {
                resealed = store.rotateMasterKey(next, random);
            }
            out.println("keyport: re-sealed " + resealed + " secrets under the new master key");
            if (given.isEmpty()) {
                try {
                    MasterKeys.replace(settings.dataDir(), next);
                } catch (IOException e) {
                    err.println("keyport: the store is sealed under the new key, but " + settings.dataDir()
                            .resolve(MasterKeys.FILE) + " could not be replaced (" + e.getMessage() + "): start the "
                            + "server with KEYPORT_MASTER_KEY set to the key in " + newKeyFile);
                    return 1;
                }
                out.println("keyport: " + settings.dataDir().resolve(MasterKeys.FILE) + " now holds the new key");
            } else {
                out.println("keyport: start every server with KEYPORT_MASTER_KEY set to the new key; the old one is "
                        + "refused from now on");
            }
            return 0;
        }
    }
}
