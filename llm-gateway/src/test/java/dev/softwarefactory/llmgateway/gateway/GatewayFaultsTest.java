package dev.softwarefactory.llmgateway.gateway;

import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.FAST_RETRY;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.backend;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.call;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.failure;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.LlmFailure;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayFaultsTest {
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
    void retryAfterOfA429IsWaitedOutBeforeTheSameBackendIsTriedAgain() {
        // The gateway allows 2 in flight but the server only 1: the second request gets 429, Retry-After 2.
        SimLlmServer server = harness.sim(SimSettings.defaults(0).withLatencyMs(300).withMaxConcurrency(1)
                .withRetryAfterSeconds(2));
        Gateway gateway = harness.gateway(List.of(backend("one", server, 2)), FAST_RETRY);

        CompletableFuture<LlmReply> first = gateway.complete(request("run-1", "Engineer")).toCompletableFuture();
        CompletableFuture<LlmReply> second = gateway.complete(request("run-2", "Engineer")).toCompletableFuture();
        List<Long> latencies = List.of(first.join().latencyMillis(), second.join().latencyMillis()).stream()
                .sorted().toList();

        assertEquals(3, server.requests().count(), "one 429, then one retry after Retry-After");
        assertTrue(latencies.get(1) >= 2000, "the retried request took " + latencies.get(1) + " ms");
    }

    @Test
    void failingBackendFailsOverToAnotherOfTheAlias() {
        SimLlmServer broken = harness.sim(SimSettings.defaults(0).withFail500(1.0));
        SimLlmServer healthy = harness.sim(SimSettings.defaults(0));
        Gateway gateway = harness.gateway(List.of(backend("broken", broken, 4), backend("healthy", healthy, 4)),
                FAST_RETRY);

        LlmReply reply = call(gateway, request("run-1", "Engineer"));

        assertEquals("healthy", reply.backend());
        assertEquals(1, broken.requests().count());
    }

    @Test
    void backendCoolsDownAfterRepeatedFailuresAndGetsNoRequestsMeanwhile() {
        SimLlmServer broken = harness.sim(SimSettings.defaults(0).withFail500(1.0));
        SimLlmServer healthy = harness.sim(SimSettings.defaults(0).withLatencyMs(20));
        RetrySettings coolAfterTwo = new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(50), 2,
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10), 0.25);
        Gateway gateway = harness.gateway(List.of(backend("broken", broken, 4), backend("healthy", healthy, 4)),
                coolAfterTwo);

        for (int i = 0; i < 8; i++) {
            assertEquals("healthy", call(gateway, request("run-" + i, "Engineer")).backend());
        }

        assertEquals(2, broken.requests().count(), "two failures start the cooldown, then none");
    }

    @Test
    void requestGivesUpWhenItsRetryBudgetIsSpent() {
        SimLlmServer broken = harness.sim(SimSettings.defaults(0).withFail500(1.0));
        Gateway gateway = harness.gateway(List.of(backend("broken", broken, 4)), FAST_RETRY);

        LlmFailure failure = failure(gateway, request("run-1", "Engineer"));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("gave up after 4 attempts"), failure.getMessage());
        assertTrue(failure.getMessage().contains("500"), failure.getMessage());
        assertEquals(4, broken.requests().count());
    }

    @Test
    void notFoundFailsAtOnceWithoutRetry() {
        SimLlmServer scripted = harness.sim(SimSettings.defaults(0)
                .withScript(List.of(new ScriptEntry("WriteDesign", null, "design", 0))));
        Gateway gateway = harness.gateway(List.of(backend("scripted", scripted, 4)), FAST_RETRY);
        LlmRequest unscripted = new LlmRequest("run-1", "Engineer", "WriteCode", "a.py", 1, "Engineer",
                List.of(ChatMessage.user("Action: WriteCode file=a.py\nwrite it")));

        LlmFailure failure = failure(gateway, unscripted);

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("404"), failure.getMessage());
        assertEquals(1, scripted.requests().count());
    }

    @Test
    void badRequestFailsAtOnceWithoutRetry() throws java.io.IOException {
        // A server that refuses every request as malformed, as OpenAI does a request it cannot read.
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer refusing = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\": {\"message\": \"malformed\", \"type\": \"invalid_request_error\"}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            Gateway gateway = harness.gateway(List.of(BackendSettings.of("refusing", BackendKind.OPENAI,
                    "http://127.0.0.1:" + refusing.getAddress().getPort() + "/v1", java.util.Optional.empty(), "sim",
                    4)), FAST_RETRY);

            LlmFailure failure = failure(gateway, request("run-1", "Engineer"));

            assertFalse(failure.retryable());
            assertTrue(failure.getMessage().contains("400 bad request"), failure.getMessage());
            assertEquals(1, requests.get());
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void streamCutMidWayIsARetryableFailureWithAClearReason() {
        SimLlmServer cutting = harness.sim(SimSettings.defaults(0).withFailCut(1.0));
        Gateway gateway = harness.gateway(List.of(backend("cutting", cutting, 4)), FAST_RETRY);

        LlmFailure failure = failure(gateway, request("run-1", "Engineer"));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("cut mid-way"), failure.getMessage());
        assertEquals(4, cutting.requests().count());
    }

    @Test
    void garbageReplyBodyIsARetryableFailureWithAClearReason() {
        SimLlmServer garbage = harness.sim(SimSettings.defaults(0).withFailGarbage(1.0));
        Gateway gateway = harness.gateway(List.of(backend("garbage", garbage, 4)), FAST_RETRY);

        LlmFailure failure = failure(gateway, request("run-1", "Engineer"));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("not valid JSON"), failure.getMessage());
        assertEquals(4, garbage.requests().count());
    }

    @Test
    void randomFaultsAreRetriedUntilEveryRequestSucceeds() {
        SimLlmServer flaky = harness.sim(SimSettings.defaults(0).withFail429(0.1).withFail500(0.05)
                .withFailCut(0.05).withRetryAfterSeconds(0).withSeed(7));
        RetrySettings patient = new RetrySettings(8, Duration.ofMillis(5), Duration.ofMillis(20), 1000,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10), 0.25);
        Gateway gateway = harness.gateway(List.of(backend("flaky", flaky, 16)), patient);

        List<LlmReply> replies = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> gateway.complete(request("run-" + i, "Engineer")).toCompletableFuture())
                .toList().stream().map(CompletableFuture::join).toList();

        assertEquals(100, replies.size());
        assertTrue(flaky.requests().count() > 100, "some requests needed a retry");
    }
}
