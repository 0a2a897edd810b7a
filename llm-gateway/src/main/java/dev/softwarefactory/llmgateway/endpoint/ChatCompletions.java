package dev.softwarefactory.llmgateway.endpoint;

import akka.http.javadsl.model.HttpResponse;
import akka.stream.javadsl.Source;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.openai.ChatCompletionRequest;
import dev.softwarefactory.llmgateway.openai.OpenAiError;
import dev.softwarefactory.llmgateway.openai.OpenAiJson;
import dev.softwarefactory.llmgateway.openai.OpenAiResponses;
import dev.softwarefactory.llmgateway.openai.ReplyChunks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers one chat completion request through the node's model client: the request's model is an
 * alias, so the call shares the node's backends, limits, retries and cost accounting with the runs.
 * A streamed answer is sent once the backend's reply is complete (the gateway's backend calls are
 * not streamed), split into chunks as a streaming server would send them.
 */
final class ChatCompletions {
    /** The run id that endpoint calls carry into the gateway (affinity, logs): they belong to no run. */
    static final String RUN_ID = "openai-endpoint";
    private static final String DEFAULT_ROLE = "client";
    private final LlmClient client;
    private final List<String> models;
    private final String idPrefix = "chatcmpl-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong ids = new AtomicLong();

    ChatCompletions(LlmClient client, List<String> models) {
        this.client = client;
        this.models = List.copyOf(models);
    }

    CompletionStage<HttpResponse> handle(String body) {
        ChatCompletionRequest request;
        String model;
        try {
            request = ChatCompletionRequest.parse(body);
            model = knownModel(request.model());
        } catch (OpenAiError e) {
            return CompletableFuture.completedFuture(OpenAiResponses.error(e));
        }
        // The end-user id, when a client sends one, keeps that user's calls on one backend (prefix cache).
        LlmRequest call = new LlmRequest(RUN_ID, request.user().orElse(DEFAULT_ROLE), "chat", null, 0, model,
                request.messages());
        CompletionStage<LlmReply> reply;
        try {
            reply = client.complete(call);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.handle((answer, failure) -> failure != null
                ? OpenAiResponses.error(EndpointErrors.of(failure))
                : respond(request, model, answer));
    }

    private String knownModel(Optional<String> model) throws OpenAiError {
        if (model.isEmpty() || model.get().isBlank()) {
            throw new OpenAiError(400, "invalid_request_error", "missing_required_parameter", Optional.of("model"),
                    "you must provide a model: one of " + String.join(", ", models));
        }
        if (!models.contains(model.get())) {
            throw EndpointErrors.unknownModel(model.get(), models);
        }
        return model.get();
    }

    private HttpResponse respond(ChatCompletionRequest request, String model, LlmReply answer) {
        OpenAiJson.Ids id = new OpenAiJson.Ids(idPrefix + ids.incrementAndGet(), model,
                Instant.now().getEpochSecond());
        OpenAiJson.Usage usage = new OpenAiJson.Usage(answer.inputTokens(), answer.outputTokens(),
                OptionalDouble.of(answer.costUsd()));
        if (!request.stream()) {
            return OpenAiResponses.json(200, OpenAiJson.completion(id, answer.text(), "stop", usage));
        }
        List<String> events = new ArrayList<>();
        events.add(OpenAiJson.chunk(id, "assistant", "", null));
        ReplyChunks.split(answer.text()).forEach(piece -> events.add(OpenAiJson.chunk(id, null, piece, null)));
        events.add(OpenAiJson.chunk(id, null, null, "stop"));
        if (request.includeUsage()) {
            events.add(OpenAiJson.usageChunk(id, usage));
        }
        events.add("[DONE]");
        return OpenAiResponses.events(Source.from(events));
    }
}
