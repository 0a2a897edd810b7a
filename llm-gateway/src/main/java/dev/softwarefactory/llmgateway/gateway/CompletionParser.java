package dev.softwarefactory.llmgateway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a 200 response: a chat.completion JSON body or a server-sent event stream of chunks. */
final class CompletionParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompletionParser() {
    }

    static Completion parse(String body, boolean eventStream, long promptTokensEstimate) {
        return eventStream ? stream(body, promptTokensEstimate) : plain(body, promptTokensEstimate);
    }

    private static Completion plain(String body, long promptTokensEstimate) {
        JsonNode root = json(body);
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw CallFailure.retryable("the reply has no choices[0].message.content: " + excerpt(body));
        }
        return completion(content.asText(), root.path("usage"), promptTokensEstimate);
    }

    private static Completion stream(String body, long promptTokensEstimate) {
        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        boolean finished = false;
        for (String line : body.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("data:")) {
                continue;
            }
            String data = trimmed.substring("data:".length()).strip();
            if (data.equals("[DONE]")) {
                return completion(text.toString(), usage, promptTokensEstimate);
            }
            JsonNode chunk = json(data);
            if (chunk.has("error")) {
                throw CallFailure.retryable("the reply stream reported an error: " + excerpt(data));
            }
            JsonNode choice = chunk.path("choices").path(0);
            text.append(choice.path("delta").path("content").asText(""));
            finished |= choice.path("finish_reason").isTextual();
            if (chunk.path("usage").isObject()) {
                usage = chunk.get("usage");
            }
        }
        if (!finished) {
            throw CallFailure.retryable("the reply stream was cut off mid-way (" + text.length()
                    + " characters, no finish_reason)");
        }
        return completion(text.toString(), usage, promptTokensEstimate);
    }

    /** Servers that omit usage get a rough count (four characters a token), so TPM and cost still move. */
    private static Completion completion(String text, JsonNode usage, long promptTokensEstimate) {
        boolean counted = usage != null && usage.path("prompt_tokens").isIntegralNumber();
        long input = counted ? usage.path("prompt_tokens").asLong() : promptTokensEstimate;
        long output = counted ? usage.path("completion_tokens").asLong() : (text.length() + 3) / 4;
        return new Completion(text, input, output);
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw CallFailure.retryable("the reply is not a JSON object: " + excerpt(text));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw CallFailure.retryable("the reply is not valid JSON: " + excerpt(text));
        }
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }
}
