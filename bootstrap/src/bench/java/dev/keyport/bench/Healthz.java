package dev.keyport.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * The floor: {@code GET /healthz} on the server's operations port, which answers from the event loop without the
 * store, a use case or a signature. What the same machine serves at its cheapest; every throughput is also given as
 * a ratio to it, since absolute numbers on a shared machine move from run to run.
 */
final class Healthz implements Target {

    /** The floor workload's label. */
    static final String FLOOR = "GET /healthz (floor)";

    private final int port;
    private final Call call = new Call(HttpMethod.GET, "/healthz", MultiMap.caseInsensitiveMultiMap(),
            Buffer.buffer());

    Healthz(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "Keyport ops";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String error(int status, Buffer body) {
        return status == 200 ? null : "HTTP " + status;
    }

    Workload workload() {
        return new Workload(FLOOR, null, this, 0, 1, (key, step) -> call);
    }
}
