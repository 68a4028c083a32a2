package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand, for what a well-behaved client library will not send: two Host headers, an oversized
 * request line, bytes that are not HTTP. Sends one request on a fresh connection and reads until the server closes
 * (send {@code Connection: close}).
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String head, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** {@code Response.Error.Code}, after checking the envelope is there. */
        String errorCode() throws IOException {
            JsonNode response = json().get("Response");
            if (response == null || !response.path("RequestId").isTextual()) {
                throw new AssertionError("no Tencent envelope: " + head + "\n" + body);
            }
            return response.path("Error").path("Code").asText();
        }
    }

    private RawHttp() {
    }

    static Response send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.UTF_8));
    }

    static Response send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush(); // no half-close: Netty would close the connection before answering
            } catch (SocketException e) {
                // the server may answer and close before it has read everything (an oversized request)
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                // a reset after the answer: what was read is the answer
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            if (split < 0) {
                throw new AssertionError("no HTTP answer: " + text);
            }
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Response(status, head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
