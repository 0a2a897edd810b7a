package dev.softwarefactory.llmgateway.gateway;

import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.FAST_RETRY;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.backend;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayLimitsTest {
    private static GatewayHarness harness;

    @BeforeAll
    static void start() {
        harness = new GatewayHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void noMoreRequestsInFlightThanTheBackendsConcurrencyLimit() {
        // The server refuses a third request in flight with 429: the gateway must never send one.
        SimLlmServer server = harness.sim(SimSettings.defaults(0).withLatencyMs(100).withMaxConcurrency(2));
        Gateway gateway = harness.gateway(List.of(backend("two", server, 2)), FAST_RETRY);

        IntStream.range(0, 10).mapToObj(i -> gateway.complete(request("run-" + i, "Engineer")).toCompletableFuture())
                .toList().forEach(CompletableFuture::join);

        assertEquals(10, server.requests().count(), "every request sent once: no 429, no retry");
    }

    @Test
    void requestsPerMinuteAreSpacedEvenly() {
        SimLlmServer server = harness.sim(SimSettings.defaults(0));
        BackendSettings limited = new BackendSettings("paced", BackendKind.OPENAI, server.baseUrl(), Optional.empty(),
                List.of("sim"), 8, 240, 0, 0, 0);
        Gateway gateway = harness.gateway(List.of(limited), FAST_RETRY);

        IntStream.range(0, 5).mapToObj(i -> gateway.complete(request("run-" + i, "Engineer")).toCompletableFuture())
                .toList().forEach(CompletableFuture::join);

        List<Long> arrivals = server.requests().arrivalNanos();
        long spacing = 60_500_000_000L / 240;
        assertEquals(5, arrivals.size());
        // Arrivals carry the delivery's jitter (a loaded machine delays one request, not the next), so
        // each gap is held to half the spacing and the whole span, where jitter counts once, to 100 ms.
        for (int i = 1; i < arrivals.size(); i++) {
            long gap = arrivals.get(i) - arrivals.get(i - 1);
            assertTrue(gap >= spacing / 2, "request " + i + " came " + gap / 1_000_000 + " ms after the one before");
        }
        long span = arrivals.get(4) - arrivals.get(0);
        assertTrue(span >= 4 * spacing - 100_000_000L, "5 requests came within " + span / 1_000_000 + " ms");
    }
}
