package dev.softwarefactory.llmgateway.sim;

import static dev.softwarefactory.llmgateway.sim.SimHttp.chatBody;
import static dev.softwarefactory.llmgateway.sim.SimHttp.json;
import static dev.softwarefactory.llmgateway.sim.SimHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimFaultsTest {
    private static ActorTestKit kit;
    private SimLlmServer server;

    @BeforeAll
    static void startKit() {
        kit = SimHttp.testKit();
    }

    @AfterAll
    static void stopKit() {
        kit.shutdownTestKit();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            SimHttp.stop(server);
        }
    }

    @Test
    void requestBeyondMaxConcurrencyGets429WithRetryAfter() throws Exception {
        server = SimHttp.start(kit, SimSettings.defaults(0).withMaxConcurrency(1).withLatencyMs(1000)
                .withRetryAfterSeconds(3));

        CompletableFuture<HttpResponse<String>> first = SimHttp.postAsync(server, "/chat/completions",
                chatBody(false, "one"));
        CompletableFuture<HttpResponse<String>> second = SimHttp.postAsync(server, "/chat/completions",
                chatBody(false, "two"));

        List<HttpResponse<String>> responses = Stream.of(first.join(), second.join())
                .sorted((a, b) -> Integer.compare(a.statusCode(), b.statusCode())).toList();
        assertEquals(200, responses.get(0).statusCode());
        assertEquals(429, responses.get(1).statusCode());
        assertEquals(Optional.of("3"), responses.get(1).headers().firstValue("Retry-After"));
        assertEquals("rate_limit_exceeded", json(responses.get(1).body()).path("error").path("type").asText());
        assertEquals(1, server.requests().overConcurrency());
    }

    @Test
    void slotIsFreedWhenARequestIsAnswered() throws Exception {
        server = SimHttp.start(kit, SimSettings.defaults(0).withMaxConcurrency(1));

        int firstStatus = post(server, "/chat/completions", chatBody(false, "one")).statusCode();
        int streamStatus = post(server, "/chat/completions", chatBody(true, "two")).statusCode();
        int lastStatus = post(server, "/chat/completions", chatBody(false, "three")).statusCode();

        assertEquals(List.of(200, 200, 200), List.of(firstStatus, streamStatus, lastStatus));
    }

    @Test
    void fail500OfOneAnswers500WithAnErrorBody() throws Exception {
        server = SimHttp.start(kit, SimSettings.defaults(0).withFail500(1.0));

        HttpResponse<String> response = post(server, "/chat/completions", chatBody(false, "hello"));

        assertEquals(500, response.statusCode());
        assertEquals("server_error", json(response.body()).path("error").path("type").asText());
    }

    @Test
    void fail429OfOneAnswers429WithRetryAfter() throws Exception {
        server = SimHttp.start(kit, SimSettings.defaults(0).withFail429(1.0));

        HttpResponse<String> response = post(server, "/chat/completions", chatBody(false, "hello"));

        assertEquals(429, response.statusCode());
        assertEquals(Optional.of("1"), response.headers().firstValue("Retry-After"));
        assertEquals("rate_limit_exceeded", json(response.body()).path("error").path("type").asText());
    }

    @Test
    void failGarbageOfOneAnswers200WithABodyThatIsNotJson() {
        server = SimHttp.start(kit, SimSettings.defaults(0).withFailGarbage(1.0));

        HttpResponse<String> response = post(server, "/chat/completions", chatBody(false, "hello"));

        assertEquals(200, response.statusCode());
        assertThrows(IOException.class, () -> json(response.body()));
    }

    @Test
    void failCutOfOneDropsAStreamMidWay() {
        server = SimHttp.start(kit, SimSettings.defaults(0).withFailCut(1.0));

        CompletionException failure = assertThrows(CompletionException.class,
                () -> SimHttp.postAsync(server, "/chat/completions",
                        chatBody(true, "a long enough question to need several chunks")).join());

        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void failCutOfOneDropsAPlainReplyMidWay() {
        server = SimHttp.start(kit, SimSettings.defaults(0).withFailCut(1.0));

        CompletionException failure = assertThrows(CompletionException.class,
                () -> SimHttp.postAsync(server, "/chat/completions", chatBody(false, "hello")).join());

        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void requestLogCountsEveryRequestAndFindsTheBusiestWindow() {
        server = SimHttp.start(kit, SimSettings.defaults(0).withFail500(1.0));

        for (int i = 0; i < 3; i++) {
            post(server, "/chat/completions", chatBody(false, "hello"));
        }

        assertEquals(3, server.requests().count());
        assertEquals(3, server.requests().busiestWindow(Duration.ofMinutes(1).toNanos()));
        assertEquals(1, server.requests().busiestWindow(1));
    }

    @Test
    void sameSeedGivesTheSameFaults() {
        SimSettings settings = SimSettings.defaults(0).withFail500(0.5).withSeed(42);
        FaultDice a = new FaultDice(settings);
        FaultDice b = new FaultDice(settings);

        List<Boolean> first = Stream.generate(a::serverError).limit(20).toList();
        List<Boolean> second = Stream.generate(b::serverError).limit(20).toList();

        assertEquals(first, second);
        assertEquals(true, first.contains(true) && first.contains(false));
    }
}
