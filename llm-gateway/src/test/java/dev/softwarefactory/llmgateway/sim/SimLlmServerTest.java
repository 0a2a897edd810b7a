package dev.softwarefactory.llmgateway.sim;

import static dev.softwarefactory.llmgateway.sim.SimHttp.chatBody;
import static dev.softwarefactory.llmgateway.sim.SimHttp.events;
import static dev.softwarefactory.llmgateway.sim.SimHttp.json;
import static dev.softwarefactory.llmgateway.sim.SimHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimLlmServerTest {
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

    private SimLlmServer start(SimSettings settings) {
        server = SimHttp.start(kit, settings);
        return server;
    }

    @Test
    void completionHasTheOpenAiShapeAndUsage() throws Exception {
        start(SimSettings.defaults(0));

        HttpResponse<String> response = post(server, "/chat/completions", chatBody(false, "Write a calculator"));

        assertEquals(200, response.statusCode());
        JsonNode root = json(response.body());
        assertEquals("chat.completion", root.path("object").asText());
        assertEquals("assistant", root.path("choices").path(0).path("message").path("role").asText());
        assertEquals("sim reply to: Write a calculator",
                root.path("choices").path(0).path("message").path("content").asText());
        assertEquals("stop", root.path("choices").path(0).path("finish_reason").asText());
        JsonNode usage = root.path("usage");
        assertEquals(5, usage.path("prompt_tokens").asInt()); // 18 characters
        assertEquals(8, usage.path("completion_tokens").asInt()); // 32 characters
        assertEquals(13, usage.path("total_tokens").asInt());
    }

    @Test
    void echoReplyQuotesAtMostFortyCharactersOfTheLastUserMessage() throws Exception {
        start(SimSettings.defaults(0));

        HttpResponse<String> response = post(server, "/chat/completions",
                chatBody(false, "first message", "0123456789012345678901234567890123456789 and more"));

        assertEquals("sim reply to: 0123456789012345678901234567890123456789", SimHttp.content(response));
    }

    @Test
    void streamChunksJoinToTheFullReplyThenUsageThenDone() throws Exception {
        start(SimSettings.defaults(0).withTokensPerSecond(1000));
        String full = SimHttp.content(post(server, "/chat/completions",
                chatBody(false, "Write a cli snake game please")));

        HttpResponse<String> response = post(server, "/chat/completions",
                chatBody(true, "Write a cli snake game please"));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = events(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        StringBuilder joined = new StringBuilder();
        int contentChunks = 0;
        for (String event : events.subList(0, events.size() - 2)) {
            JsonNode chunk = json(event);
            assertEquals("chat.completion.chunk", chunk.path("object").asText());
            JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                joined.append(content.asText());
                contentChunks++;
            }
        }
        assertEquals(full, joined.toString());
        assertTrue(contentChunks > 1, "the reply should come in several chunks, got " + contentChunks);
        JsonNode usageChunk = json(events.get(events.size() - 2));
        assertTrue(usageChunk.path("choices").isEmpty());
        assertEquals(Tokens.of(full), usageChunk.path("usage").path("completion_tokens").asInt());
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunk() throws Exception {
        start(SimSettings.defaults(0));

        HttpResponse<String> response = post(server, "/chat/completions",
                "{\"model\":\"sim\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}");

        List<String> events = events(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        for (String event : events.subList(0, events.size() - 1)) {
            assertFalse(json(event).has("usage"), "unexpected usage in " + event);
        }
    }

    @Test
    void streamIsPacedByTokensPerSecond() throws Exception {
        start(SimSettings.defaults(0).withTokensPerSecond(20));
        long started = System.nanoTime();

        // "sim reply to: " + 40 characters = 54 characters, about 14 tokens: at 20 a second, over 0.5 s.
        HttpResponse<String> response = post(server, "/chat/completions",
                chatBody(true, "0123456789 0123456789 0123456789 0123456789"));

        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, response.statusCode());
        assertTrue(elapsedMs >= 450, "a paced stream took only " + elapsedMs + " ms");
    }

    @Test
    void latencyDelaysTheReply() throws Exception {
        start(SimSettings.defaults(0).withLatencyMs(300));
        long started = System.nanoTime();

        HttpResponse<String> response = post(server, "/chat/completions", chatBody(false, "hello"));

        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, response.statusCode());
        assertTrue(elapsedMs >= 300, "the reply came after " + elapsedMs + " ms");
    }

    @Test
    void maxTokensCutsTheReplyWithFinishReasonLength() throws Exception {
        start(SimSettings.defaults(0));

        HttpResponse<String> response = post(server, "/chat/completions",
                "{\"model\":\"sim\",\"max_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");

        JsonNode root = json(response.body());
        assertEquals("sim repl", root.path("choices").path(0).path("message").path("content").asText());
        assertEquals("length", root.path("choices").path(0).path("finish_reason").asText());
        assertEquals(2, root.path("usage").path("completion_tokens").asInt());
    }

    @Test
    void modelsListsTheSimModel() throws Exception {
        start(SimSettings.defaults(0));

        HttpResponse<String> response = SimHttp.get(server, "/models");

        assertEquals(200, response.statusCode());
        JsonNode root = json(response.body());
        assertEquals("list", root.path("object").asText());
        assertEquals("sim", root.path("data").path(0).path("id").asText());
        assertEquals("model", root.path("data").path(0).path("object").asText());
    }

    @Test
    void malformedJsonGets400WithAnErrorBody() throws Exception {
        start(SimSettings.defaults(0));

        HttpResponse<String> response = post(server, "/chat/completions", "{\"model\": \"sim\", \"messages\": [");

        assertEquals(400, response.statusCode());
        JsonNode error = json(response.body()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText());
        assertTrue(error.path("message").asText().contains("not valid JSON"), error.toString());
    }

    @Test
    void requestWithoutMessagesGets400() throws Exception {
        start(SimSettings.defaults(0));

        HttpResponse<String> response = post(server, "/chat/completions", "{\"model\": \"sim\"}");

        assertEquals(400, response.statusCode());
        assertTrue(json(response.body()).path("error").path("message").asText().contains("messages"));
    }
}
