package dev.softwarefactory.llmgateway.gateway;

import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.FAST_RETRY;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.backend;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.call;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayRoutingTest {
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
    void concurrentRequestsSpreadOverTheBackendsOfTheAlias() {
        SimSettings slow = SimSettings.defaults(0).withLatencyMs(200);
        Gateway gateway = harness.gateway(List.of(backend("a", harness.sim(slow), 4),
                backend("b", harness.sim(slow), 4), backend("c", harness.sim(slow), 4)), FAST_RETRY);

        List<LlmReply> replies = IntStream.range(0, 12)
                .mapToObj(i -> gateway.complete(request("run-" + i, "Engineer")).toCompletableFuture())
                .toList().stream().map(CompletableFuture::join).toList();

        assertEquals(Map.of("a", 4, "b", 4, "c", 4), GatewayHarness.countByBackend(replies));
    }

    @Test
    void aRunsRoleStaysOnItsBackendWhileLoadsAreBalanced() {
        SimSettings quick = SimSettings.defaults(0);
        Gateway gateway = harness.gateway(List.of(backend("a", harness.sim(quick), 4),
                backend("b", harness.sim(quick), 4)), FAST_RETRY);
        String first = call(gateway, request("run-x", "Architect")).backend();
        call(gateway, request("run-y", "Architect"));

        List<String> later = IntStream.range(0, 5).mapToObj(i -> call(gateway, request("run-x", "Architect")).backend())
                .toList();

        assertEquals(List.of(first, first, first, first, first), later);
    }

    @Test
    void replyNamesBackendModelTokensAndCostFromThePriceTable() {
        SimLlmServer server = harness.sim(SimSettings.defaults(0));
        BackendSettings priced = new BackendSettings("priced", BackendKind.OPENAI, server.baseUrl(),
                java.util.Optional.empty(), List.of("sim"), 4, 0, 0, 2.0, 10.0);
        Gateway gateway = harness.gateway(List.of(priced), FAST_RETRY);

        LlmReply reply = call(gateway, request("run-1", "ProductManager"));

        assertEquals("sim reply to: Write a calculator", reply.text());
        assertEquals("priced", reply.backend());
        assertEquals("sim", reply.model());
        assertEquals(5, reply.inputTokens());
        assertEquals(8, reply.outputTokens());
        assertEquals(5 / 1000.0 * 2.0 + 8 / 1000.0 * 10.0, reply.costUsd(), 1e-12);
        assertTrue(reply.latencyMillis() >= 0);
    }
}
