package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.keyport.adapter.jdbc.MasterKey;
import dev.keyport.bootstrap.fuzz.LogCapture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes down under a running server and comes back: readiness says so promptly, requests fail promptly with
 * each vendor's transient error and no stack trace, and the server recovers by itself. The time bounds are generous
 * waits that tell a bounded failure from Hikari's 30-second hang, not measurements of speed.
 */
class DatabaseOutageIT {

    private static final Duration GENEROUS = Duration.ofSeconds(12);

    @TempDir
    Path directory;
    private EmbeddedPostgres postgres;
    private KeyportServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(directory.resolve("pgdata"))
                .setCleanDataDirectory(false).start();
    }

    @Test
    void aDatabaseThatGoesDownFailsRequestsPromptlyAndTheServerRecoversWhenItReturns() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = startPostgres(port);
        Map<String, String> env = TestEnvironment.of(directory, "KEYPORT_DB_URL",
                postgres.getJdbcUrl("postgres", "postgres"), "KEYPORT_DB_USER", "postgres", "KEYPORT_MASTER_KEY",
                MasterKey.generate(new SecureRandom()).toBase64(), "KEYPORT_DB_TIMEOUT_MS", "500",
                "KEYPORT_DB_QUERY_TIMEOUT_SECONDS", "3");
        server = Main.start(env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        VendorClients clients = new VendorClients(server);
        String keyId = clients.tencentCreateExternal("outage");
        assertThat(readyz()).isEqualTo(200);

        postgres.close();
        postgres = null;
        try (LogCapture log = LogCapture.attach(false, List.of())) {
            long started = System.nanoTime();
            assertThat(readyz()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);

            started = System.nanoTime();
            assertThatThrownBy(() -> clients.tencentState(keyId)).isInstanceOfSatisfying(
                    TencentCloudSDKException.class, e -> assertThat(e.getErrorCode())
                            .isEqualTo("UnsupportedOperation.ServiceTemporaryUnavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);
            started = System.nanoTime();
            assertThatThrownBy(() -> clients.huaweiState(keyId)).isInstanceOfSatisfying(
                    ServiceResponseException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(503));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);
            assertThat(log.offending()).as("an outage is not an internal error: no ERROR, no stack trace").isEmpty();
        }

        postgres = startPostgres(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (readyz() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(readyz()).isEqualTo(200);
        assertThat(clients.tencentState(keyId)).isEqualTo("PendingImport");
    }

    private int readyz() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.opsUrl() + "/readyz"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
