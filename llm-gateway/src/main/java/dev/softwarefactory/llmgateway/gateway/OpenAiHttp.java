package dev.softwarefactory.llmgateway.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.softwarefactory.llmgateway.ChatMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A small asynchronous client for OpenAI-compatible chat completions over HTTP/1.1. Chosen over
 * langchain4j's OpenAiChatModel because the gateway needs the status and Retry-After header of a
 * failed call (langchain4j's exceptions carry neither header) and must not hold a thread per call.
 * It never retries: retries belong to the gateway.
 */
public final class OpenAiHttp {
    /** The header that carries a call's effect key, URL-encoded. */
    public static final String CALL_HEADER = "X-Sf-Call";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final Duration requestTimeout;

    public OpenAiHttp(Duration connectTimeout, Duration requestTimeout) {
        // HTTP/1.1: the JDK's default h2c upgrade breaks requests to vLLM-style servers.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** One chat completion; fails with a {@link CallFailure} saying why and whether to retry. */
    public CompletionStage<Completion> chat(BackendSettings backend, String model, List<ChatMessage> messages) {
        return chat(backend, model, messages, "");
    }

    /**
     * With the call's effect key (run, role, action, target, ordinal) in the {@value #CALL_HEADER}
     * header, which servers ignore and logs and simulators can use to tell a run's calls apart.
     */
    public CompletionStage<Completion> chat(BackendSettings backend, String model, List<ChatMessage> messages,
            String callKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.baseUrl() + "/chat/completions"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(model, messages)));
        if (!callKey.isEmpty()) {
            request.header(CALL_HEADER, URLEncoder.encode(callKey, StandardCharsets.UTF_8));
        }
        backend.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        long promptEstimate = messages.stream().mapToLong(m -> (m.content().length() + 3) / 4).sum();
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw transportFailure(backend, unwrap(failure));
                    }
                    if (response.statusCode() != 200) {
                        throw ErrorResponses.of(response.statusCode(), response.body(),
                                response.headers().firstValue("Retry-After"));
                    }
                    boolean eventStream = response.headers().firstValue("Content-Type")
                            .map(type -> type.startsWith("text/event-stream")).orElse(false);
                    return CompletionParser.parse(response.body(), eventStream, promptEstimate);
                });
    }

    /** The ids of the models a server lists at GET /models. */
    public CompletionStage<List<String>> models(String baseUrl, Optional<String> apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/models")).timeout(requestTimeout)
                .GET();
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw ErrorResponses.of(response.statusCode(), response.body(), Optional.empty());
            }
            try {
                List<String> ids = new ArrayList<>();
                JSON.readTree(response.body()).path("data").forEach(model -> ids.add(model.path("id").asText()));
                return ids;
            } catch (IOException e) {
                throw CallFailure.retryable("the model list is not valid JSON");
            }
        });
    }

    private static String body(String model, List<ChatMessage> messages) {
        // Not streamed: a whole JSON body costs both ends less than a stream of chunks, and a body cut
        // short still fails clearly (the connection ends before its declared length or last chunk).
        ObjectNode root = JSON.createObjectNode().put("model", model).put("stream", false);
        ArrayNode list = root.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role()).put("content", m.content()));
        return root.toString();
    }

    private CallFailure transportFailure(BackendSettings backend, Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return CallFailure.unreached("no answer from " + backend.baseUrl() + " within "
                    + requestTimeout.toSeconds() + " s");
        }
        if (failure instanceof IOException) {
            String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return CallFailure.unreached("connection to " + backend.baseUrl() + " failed or was cut mid-way: "
                    + detail);
        }
        return CallFailure.unreached("call to " + backend.baseUrl() + " failed: " + failure);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
