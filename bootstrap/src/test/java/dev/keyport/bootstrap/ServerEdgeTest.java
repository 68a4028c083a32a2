package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server's listeners, as a hostile client meets them: what the HTTP decoder refuses is answered in each
 * vendor's shape, and random paths cannot grow the metrics.
 */
class ServerEdgeTest {

    @TempDir
    Path directory;
    private KeyportServer server;

    @BeforeEach
    void start() {
        server = Main.start(TestEnvironment.of(directory), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(5));
    }

    /** Sends raw bytes and reads the answer until the server closes or the response is complete. */
    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                answer.write(buffer, 0, read);
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                int head = text.indexOf("\r\n\r\n");
                if (head >= 0 && text.toLowerCase().contains("content-length:")) {
                    int length = Integer.parseInt(text.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
                    if (text.length() - head - 4 >= length) {
                        break;
                    }
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static JsonNode body(String answer) throws IOException {
        return new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void oversizedHeadersAreAnsweredInEachVendorsShape() throws Exception {
        String big = "X-Filler: " + "a".repeat(20_000) + "\r\n";
        String tencent = raw(server.tencentPort(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + big
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(tencent).startsWith("HTTP/1.1 200");
        assertThat(body(tencent).at("/Response/Error/Code").asText()).isEqualTo("RequestSizeLimitExceeded");
        assertThat(body(tencent).at("/Response/RequestId").asText()).isNotEmpty();

        String huawei = raw(server.huaweiPort(), "POST /v1.0/p/kms/describe-key HTTP/1.1\r\nHost: 127.0.0.1\r\n" + big
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(huawei).startsWith("HTTP/1.1 431");
        assertThat(huawei.toLowerCase()).contains("x-request-id:");
        assertThat(body(huawei).path("error_code").asText()).isNotEmpty();
    }

    @Test
    void fiveRandomOperationPathsAreOneMetricSeries() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            client.send(HttpRequest.newBuilder(URI.create(server.huaweiUrl() + "/v1.0/p/kms/" + UUID.randomUUID()))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
        }
        String metrics = client.send(HttpRequest.newBuilder(URI.create(server.opsUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics.lines().filter(l -> l.startsWith("keyport_requests_seconds_count{")
                && l.contains("vendor=\"huawei\""))).singleElement().asString().contains("action=\"unknown\"");
    }
}
