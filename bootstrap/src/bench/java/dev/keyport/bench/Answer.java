package dev.keyport.bench;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * One answer: its status and body, and the error it is (its target's code, or the transport failure), null for a
 * success.
 */
record Answer(int status, Buffer body, String error) {

    String text() {
        return body == null ? "" : body.toString(StandardCharsets.UTF_8);
    }
}
