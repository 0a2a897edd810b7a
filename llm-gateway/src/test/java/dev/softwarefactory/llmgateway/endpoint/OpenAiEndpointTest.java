package dev.softwarefactory.llmgateway.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.softwarefactory.llmgateway.gateway.BackendKind;
import dev.softwarefactory.llmgateway.gateway.BackendSettings;
import dev.softwarefactory.llmgateway.gateway.Gateway;
import dev.softwarefactory.llmgateway.gateway.GatewayHarness;
import dev.softwarefactory.llmgateway.gateway.GatewaySettings;
import dev.softwarefactory.llmgateway.gateway.LlmBackend;
import dev.softwarefactory.llmgateway.gateway.Target;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's OpenAI-compatible endpoint over real HTTP, called by langchain4j's OpenAI models (a
 * client this project did not write) and by the JDK client for the error cases; backed by sim-llm.
 */
class OpenAiEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final double PRICE_IN = 0.5;
    private static final double PRICE_OUT = 1.5;
    private static GatewayHarness harness;
    private static Gateway gateway;
    private static ServerBinding binding;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        harness = new GatewayHarness();
        SimLlmServer healthy = harness.sim(SimSettings.defaults(0));
        SimLlmServer failing = harness.sim(SimSettings.defaults(0).withFail500(1));
        BackendSettings sim = new BackendSettings("sim1", BackendKind.OPENAI, healthy.baseUrl(), Optional.empty(),
                List.of("sim"), 4, 0, 0, PRICE_IN, PRICE_OUT);
        BackendSettings broken = BackendSettings.of("broken", BackendKind.OPENAI, failing.baseUrl(), Optional.empty(),
                "sim", 4);
        gateway = harness.gateway(new GatewaySettings(Map.of("sim1", sim, "broken", broken),
                Map.of("default", List.of(new Target("sim1", "sim")), "fast", List.of(new Target("sim1", "sim")),
                        "flaky", List.of(new Target("broken", "sim"))),
                Map.of(), GatewayHarness.FAST_RETRY));
        OpenAiRoutes routes = new OpenAiRoutes(gateway, gateway.aliases(), Duration.ofSeconds(20));
        binding = Http.get(harness.system()).newServerAt("127.0.0.1", 0).bind(routes.route())
                .toCompletableFuture().join();
        baseUrl = "http://127.0.0.1:" + binding.localAddress().getPort() + "/v1";
    }

    @AfterAll
    static void stop() {
        binding.terminate(Duration.ofSeconds(2)).toCompletableFuture().join();
        harness.close();
    }

    private static JdkHttpClientBuilder http11() {
        return JdkHttpClient.builder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    }

    @Test
    void langchainChatModelGetsTheBackendsAnswerAndItsTokenCounts() {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("unused").modelName("fast")
                .httpClientBuilder(http11()).maxRetries(0).build();

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(UserMessage.from("Write a calculator")).build());

        assertEquals("sim reply to: Write a calculator", response.aiMessage().text());
        assertEquals(5, response.tokenUsage().inputTokenCount()); // 18 characters, four a token
        assertEquals(8, response.tokenUsage().outputTokenCount()); // 32 characters
    }

    @Test
    void langchainStreamingChatModelGetsTheAnswerInPiecesWithUsage() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("unused")
                .modelName("default").httpClientBuilder(http11()).build();
        List<String> pieces = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Write a snake game in Python", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                pieces.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(20, TimeUnit.SECONDS);

        assertEquals("sim reply to: Write a snake game in Python", response.aiMessage().text());
        assertTrue(pieces.size() > 3, "streamed in pieces: " + pieces);
        assertEquals(response.aiMessage().text(), String.join("", pieces));
        assertEquals(7, response.tokenUsage().inputTokenCount()); // 28 characters
    }

    @Test
    void callsThroughTheEndpointAreAccountedOnTheirBackend() throws Exception {
        LlmBackend.Status before = status("sim1");

        HttpResponse<String> response = post(chatBody("fast", "Write a calculator"));

        JsonNode usage = JSON.readTree(response.body()).path("usage");
        double expectedCost = (5 * PRICE_IN + 8 * PRICE_OUT) / 1000;
        assertEquals(expectedCost, usage.path("cost_usd").asDouble(), 1e-12);
        LlmBackend.Status after = status("sim1");
        assertEquals(before.calls() + 1, after.calls());
        assertEquals(before.tokens() + 13, after.tokens());
        assertEquals(before.costUsd() + expectedCost, after.costUsd(), 1e-12);
    }

    @Test
    void modelsAreTheGatewaysAliases() throws Exception {
        HttpResponse<String> response = get("/models");

        assertEquals(200, response.statusCode());
        List<String> ids = JSON.readTree(response.body()).path("data").findValuesAsText("id");
        assertEquals(List.of("default", "fast", "flaky"), ids);
        assertEquals("fast", JSON.readTree(get("/models/fast").body()).path("id").asText());
    }

    @Test
    void anUnknownModelIs404ModelNotFound() throws Exception {
        HttpResponse<String> response = post(chatBody("gpt-9", "hello"));

        assertEquals(404, response.statusCode());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals("model_not_found", error.path("code").asText());
        assertEquals("model", error.path("param").asText());
        assertTrue(error.path("message").asText().contains("default, fast, flaky"), error.toString());
        assertEquals(404, get("/models/gpt-9").statusCode());
    }

    @Test
    void malformedJsonIs400WithAnOpenAiErrorAndNoStackTrace() throws Exception {
        HttpResponse<String> response = post("{\"model\": \"fast\", \"messages\": [");

        assertEquals(400, response.statusCode());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText());
        assertTrue(error.path("message").asText().startsWith("the request body is not valid JSON"), error.toString());
        assertFalse(response.body().contains("\tat "), response.body());
    }

    @Test
    void aMissingModelIs400NamingTheModels() throws Exception {
        HttpResponse<String> response = post("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

        assertEquals(400, response.statusCode());
        assertEquals("missing_required_parameter", JSON.readTree(response.body()).path("error").path("code").asText());
    }

    @Test
    void aBackendThatKeepsFailingIs503AfterTheGatewaysRetries() throws Exception {
        HttpResponse<String> response = post(chatBody("flaky", "hello"));

        assertEquals(503, response.statusCode());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals("backend_unavailable", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("gave up after 4 attempts"), error.toString());
    }

    @Test
    void aWrongMethodIs405WithAnOpenAiError() throws Exception {
        HttpResponse<String> response = get("/chat/completions");

        assertEquals(405, response.statusCode());
        assertEquals("method_not_allowed", JSON.readTree(response.body()).path("error").path("code").asText());
    }

    private static LlmBackend.Status status(String backend) {
        return gateway.status(Duration.ofSeconds(5)).toCompletableFuture().join().stream()
                .filter(s -> s.backend().equals(backend)).findFirst().orElseThrow();
    }

    private static String chatBody(String model, String user) {
        var root = JSON.createObjectNode().put("model", model);
        root.putArray("messages").addObject().put("role", "user").put("content", user);
        return root.toString();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
