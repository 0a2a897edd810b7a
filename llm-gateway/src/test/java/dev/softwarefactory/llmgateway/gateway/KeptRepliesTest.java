package dev.softwarefactory.llmgateway.gateway;

import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.FAST_RETRY;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.backend;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmFailure;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run's model call is made once per effect key; its reply is kept for whoever asks again. */
class KeptRepliesTest {
    private final GatewayHarness harness = new GatewayHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aSecondAskUnderTheSameEffectKeyWhileTheCallIsInFlightGetsTheSameReplyWithoutASecondCall() {
        SimLlmServer sim = harness.sim(SimSettings.defaults(0).withLatencyMs(300));
        LlmClient runs = harness.gateway(List.of(backend("a", sim, 4)), FAST_RETRY).keepingReplies();
        LlmRequest call = request("run-1", "Engineer");
        CompletableFuture<LlmReply> first = runs.complete(call).toCompletableFuture();
        CompletableFuture<LlmReply> resumed = runs.complete(call).toCompletableFuture();
        assertEquals(first.join(), resumed.join());
        assertEquals(1, sim.requests().count());
    }

    @Test
    void aKeptReplyIsServedAfterTheCallEnded() {
        SimLlmServer sim = harness.sim(SimSettings.defaults(0));
        LlmClient runs = harness.gateway(List.of(backend("a", sim, 4)), FAST_RETRY).keepingReplies();
        LlmReply first = runs.complete(request("run-1", "Engineer")).toCompletableFuture().join();
        assertEquals(first, runs.complete(request("run-1", "Engineer")).toCompletableFuture().join());
        runs.complete(request("run-1", "QaEngineer")).toCompletableFuture().join();
        assertEquals(2, sim.requests().count(), "one call per effect key");
    }

    @Test
    void aFailureIsNotKeptSoTheNextAskCallsAgain() {
        SimLlmServer sim = harness.sim(SimSettings.defaults(0).withFail500(1.0));
        LlmClient runs = harness.gateway(List.of(backend("a", sim, 4)), FAST_RETRY).keepingReplies();
        for (int ask = 1; ask <= 2; ask++) {
            CompletionException failed = assertThrows(CompletionException.class,
                    () -> runs.complete(request("run-1", "Engineer")).toCompletableFuture().join());
            assertInstanceOf(LlmFailure.class, failed.getCause());
            assertEquals(ask * FAST_RETRY.maxAttempts(), sim.requests().count());
        }
    }

    @Test
    void anotherRequestUnderAKeptKeyIsRefusedNotAnsweredWithTheKeptReply() {
        SimLlmServer sim = harness.sim(SimSettings.defaults(0));
        LlmClient runs = harness.gateway(List.of(backend("a", sim, 4)), FAST_RETRY).keepingReplies();
        LlmRequest original = request("run-1", "Engineer");
        runs.complete(original).toCompletableFuture().join();
        LlmRequest other = new LlmRequest("run-1", "Engineer", original.action(), null, 1, "Engineer",
                List.of(ChatMessage.user("something else")));
        CompletionException refused = assertThrows(CompletionException.class,
                () -> runs.complete(other).toCompletableFuture().join());
        assertInstanceOf(LlmFailure.class, refused.getCause());
    }
}
