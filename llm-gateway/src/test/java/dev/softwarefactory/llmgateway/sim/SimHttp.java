package dev.softwarefactory.llmgateway.sim;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Test helpers: a local actor system, a started simulator, and plain HTTP/1.1 calls to it. */
final class SimHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SimHttp() {
    }

    static ActorTestKit testKit() {
        return ActorTestKit.create(ConfigFactory.parseString("akka.actor.provider = local")
                .withFallback(ConfigFactory.load()));
    }

    static SimLlmServer start(ActorTestKit kit, SimSettings settings) {
        return SimLlmServer.start(kit.system(), settings).toCompletableFuture().join();
    }

    static void stop(SimLlmServer server) {
        server.stop().toCompletableFuture().join();
    }

    static String chatBody(boolean stream, String... userMessages) {
        var root = JSON.createObjectNode().put("model", "sim").put("stream", stream);
        if (stream) {
            root.putObject("stream_options").put("include_usage", true);
        }
        var messages = root.putArray("messages");
        for (String m : userMessages) {
            messages.addObject().put("role", "user").put("content", m);
        }
        return root.toString();
    }

    static CompletableFuture<HttpResponse<String>> postAsync(SimLlmServer server, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(SimLlmServer server, String path, String body) {
        return postAsync(server, path, body).join();
    }

    static HttpResponse<String> get(SimLlmServer server, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** The payloads of the {@code data: } events of a server-sent event stream, in order. */
    static List<String> events(String body) {
        List<String> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (!block.isBlank()) {
                if (!block.startsWith("data: ")) {
                    throw new AssertionError("not a data event: " + block);
                }
                events.add(block.substring("data: ".length()));
            }
        }
        return events;
    }

    /** The message content of a non-stream completion. */
    static String content(HttpResponse<String> response) throws IOException {
        return json(response.body()).path("choices").path(0).path("message").path("content").asText();
    }
}
