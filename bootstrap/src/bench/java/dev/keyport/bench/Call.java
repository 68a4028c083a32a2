package dev.keyport.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** One HTTP request as it goes on the wire: signed, to 127.0.0.1 on its target's port. */
record Call(HttpMethod method, String uri, MultiMap headers, Buffer body) {
}
