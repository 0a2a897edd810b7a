package dev.softwarefactory.llmgateway.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.llmgateway.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The parts of an OpenAI chat completion request the simulator reads. */
record ChatCompletionRequest(String model, List<ChatMessage> messages, boolean stream, boolean includeUsage,
        OptionalInt maxTokens) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ChatCompletionRequest parse(String body) throws SimError {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw SimError.badRequest("the request body is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw SimError.badRequest("the request body must be a JSON object");
        }
        JsonNode model = root.path("model");
        if (!model.isMissingNode() && !model.isTextual()) {
            throw SimError.badRequest("'model' must be a string");
        }
        return new ChatCompletionRequest(model.asText("sim"), messages(root.path("messages")),
                flag(root.path("stream"), "stream"),
                flag(root.path("stream_options").path("include_usage"), "stream_options.include_usage"),
                maxTokens(root.path("max_tokens")));
    }

    private static List<ChatMessage> messages(JsonNode node) throws SimError {
        if (!node.isArray() || node.isEmpty()) {
            throw SimError.badRequest("'messages' must be a non-empty list");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : node) {
            if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
                throw SimError.badRequest("every message needs a string 'role' and a string 'content'");
            }
            messages.add(new ChatMessage(m.get("role").asText(), m.get("content").asText()));
        }
        return messages;
    }

    private static boolean flag(JsonNode node, String name) throws SimError {
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw SimError.badRequest("'" + name + "' must be true or false");
        }
        return node.asBoolean();
    }

    private static OptionalInt maxTokens(JsonNode node) throws SimError {
        if (node.isMissingNode() || node.isNull()) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || node.asInt() < 1) {
            throw SimError.badRequest("'max_tokens' must be a positive whole number");
        }
        return OptionalInt.of(node.asInt());
    }
}
