package dev.softwarefactory.llmgateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.llmgateway.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of an OpenAI chat completion request this project reads. Fields it does not use
 * (temperature, seed, ...) are ignored; ones it cannot honour (tools, n above 1) are refused.
 */
public record ChatCompletionRequest(Optional<String> model, List<ChatMessage> messages, boolean stream,
        boolean includeUsage, OptionalInt maxTokens, Optional<String> user) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChatCompletionRequest {
        messages = List.copyOf(messages);
    }

    public static ChatCompletionRequest parse(String body) throws OpenAiError {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw OpenAiError.badRequest("the request body is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw OpenAiError.badRequest("the request body must be a JSON object");
        }
        refuseUnsupported(root);
        return new ChatCompletionRequest(text(root.path("model"), "model"), messages(root.path("messages")),
                flag(root.path("stream"), "stream"),
                flag(root.path("stream_options").path("include_usage"), "stream_options.include_usage"),
                maxTokens(root.path("max_tokens")), text(root.path("user"), "user"));
    }

    private static void refuseUnsupported(JsonNode root) throws OpenAiError {
        JsonNode n = root.path("n");
        if (!n.isMissingNode() && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
            throw OpenAiError.badRequest("'n' must be 1: one choice per request is supported");
        }
        for (String field : List.of("tools", "functions")) {
            if (root.path(field).isArray() && !root.path(field).isEmpty()) {
                throw OpenAiError.badRequest("'" + field + "' is not supported: this endpoint answers with text only");
            }
        }
    }

    private static Optional<String> text(JsonNode node, String name) throws OpenAiError {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw OpenAiError.badRequest("'" + name + "' must be a string");
        }
        return Optional.of(node.asText());
    }

    private static List<ChatMessage> messages(JsonNode node) throws OpenAiError {
        if (!node.isArray() || node.isEmpty()) {
            throw OpenAiError.badRequest("'messages' must be a non-empty list");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : node) {
            Optional<String> content = content(m.path("content"));
            if (!m.path("role").isTextual() || content.isEmpty()) {
                throw OpenAiError.badRequest("every message needs a string 'role' and a 'content' that is a string"
                        + " or a list of text parts");
            }
            messages.add(new ChatMessage(m.get("role").asText(), content.get()));
        }
        return messages;
    }

    /** A string, or the text parts of a content list joined (clients send either). */
    private static Optional<String> content(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (!node.isArray() || node.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node) {
            if (!part.path("type").asText().equals("text") || !part.path("text").isTextual()) {
                return Optional.empty();
            }
            text.append(part.get("text").asText());
        }
        return Optional.of(text.toString());
    }

    private static boolean flag(JsonNode node, String name) throws OpenAiError {
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw OpenAiError.badRequest("'" + name + "' must be true or false");
        }
        return node.asBoolean();
    }

    private static OptionalInt maxTokens(JsonNode node) throws OpenAiError {
        if (node.isMissingNode() || node.isNull()) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || node.asInt() < 1) {
            throw OpenAiError.badRequest("'max_tokens' must be a positive whole number");
        }
        return OptionalInt.of(node.asInt());
    }
}
