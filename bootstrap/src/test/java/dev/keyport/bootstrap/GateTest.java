package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A closing gate turns new requests away and waits for the ones in flight to finish. */
class GateTest {

    @Test
    void aRequestInFlightFinishesAndANewOneIsTurnedAway() throws Exception {
        Vertx vertx = Vertx.vertx();
        Gate gate = new Gate();
        CountDownLatch arrived = new CountDownLatch(1);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(gate.guard(request -> {
                arrived.countDown();
                vertx.setTimer(500, id -> request.response().end("done"));
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/");
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(gate.inFlight()).isEqualTo(1);

            assertThat(gate.closeAndDrain(Duration.ofSeconds(10))).isTrue();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
            assertThat(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(503);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
