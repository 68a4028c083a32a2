package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half-sent and trickled requests do not hold a listener's connections, and a listener holds a bounded number. The
 * bounds here are generous waits for the server to act, not measurements of its speed.
 */
class ConnectionGuardTest {

    private static final int GENEROUS_MILLIS = 20_000;

    @TempDir
    Path directory;
    private KeyportServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private KeyportServer start(String... settings) {
        server = Main.start(TestEnvironment.of(directory, settings), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        return server;
    }

    private Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(GENEROUS_MILLIS);
        sockets.add(socket);
        return socket;
    }

    /** Reads until the server closes the connection; false when it is still open after the generous wait. */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain whatever the server said before it closed
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void sixtyFourHalfSentRequestsAreAllClosedOnEveryListener() throws Exception {
        start("KEYPORT_REQUEST_TIMEOUT_SECONDS", "1");
        List<Socket> halfSent = new ArrayList<>();
        for (int port : List.of(server.tencentPort(), server.huaweiPort(), server.opsPort())) {
            for (int i = 0; i < 64; i++) {
                Socket socket = connect(port);
                socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                halfSent.add(socket);
            }
        }
        int closed = 0;
        for (Socket socket : halfSent) {
            closed += closedByServer(socket) ? 1 : 0;
        }
        assertThat(closed).isEqualTo(halfSent.size());
    }

    @Test
    void aRequestTrickledByteByByteIsClosedThoughItIsNeverIdle() throws Exception {
        start("KEYPORT_REQUEST_TIMEOUT_SECONDS", "1", "KEYPORT_IDLE_TIMEOUT_SECONDS", "60");
        Socket socket = connect(server.tencentPort());
        OutputStream out = socket.getOutputStream();
        byte[] request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"a\":" + " ".repeat(90)).getBytes(StandardCharsets.US_ASCII);
        boolean refused = false;
        long deadline = System.nanoTime() + Duration.ofMillis(GENEROUS_MILLIS).toNanos();
        for (int i = 0; i < request.length && System.nanoTime() < deadline; i++) {
            try {
                out.write(request[i]);
                out.flush();
            } catch (IOException closed) {
                refused = true;
                break;
            }
            Thread.sleep(200);
        }
        assertThat(refused || closedByServer(socket)).as("the trickled request's connection was closed").isTrue();
    }

    @Test
    void aKeepAliveConnectionBetweenRequestsIsLeftToTheIdleTimeout() throws Exception {
        start("KEYPORT_REQUEST_TIMEOUT_SECONDS", "1", "KEYPORT_IDLE_TIMEOUT_SECONDS", "60");
        Socket socket = connect(server.opsPort());
        for (int i = 0; i < 2; i++) {
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            Thread.sleep(2_500); // longer than the request timeout, between two requests
        }
    }

    @Test
    void aListenerHoldsAtMostItsMaximumOfConnections() throws Exception {
        start("KEYPORT_MAX_CONNECTIONS", "5");
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Socket socket = connect(server.opsPort());
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            held.add(socket);
        }
        Socket sixth = connect(server.opsPort());
        assertThat(closedByServer(sixth)).as("the sixth connection is closed at once").isTrue();

        held.get(0).close();
        Thread.sleep(500); // the server sees the close
        Socket again = connect(server.opsPort());
        again.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(readResponseHead(again.getInputStream())).startsWith("HTTP/1.1 200");
    }

    private static String readResponseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return text;
    }
}
