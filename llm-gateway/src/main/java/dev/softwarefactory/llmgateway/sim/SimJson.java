package dev.softwarefactory.llmgateway.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the OpenAI wire JSON: model list, completion, stream chunks, errors. */
final class SimJson {
    static final String MODEL = "sim";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimJson() {
    }

    /** One completion's identity, shared by all its chunks. */
    record Ids(String id, String model, long created) {
    }

    static String models() {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        root.putArray("data").addObject().put("id", MODEL).put("object", "model").put("created", 0)
                .put("owned_by", "software-factory");
        return root.toString();
    }

    static String completion(Ids ids, String text, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode root = header(ids, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", finishReason);
        usage(root, promptTokens, completionTokens);
        return root.toString();
    }

    /** A chunk with a delta; role is sent only on the first chunk, finishReason only on the last. */
    static String chunk(Ids ids, String role, String content, String finishReason) {
        ObjectNode root = header(ids, "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (role != null) {
            delta.put("role", role);
        }
        if (content != null) {
            delta.put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }

    /** The last chunk when stream_options.include_usage is set: no choices, the usage. */
    static String usageChunk(Ids ids, int promptTokens, int completionTokens) {
        ObjectNode root = header(ids, "chat.completion.chunk");
        root.putArray("choices");
        usage(root, promptTokens, completionTokens);
        return root.toString();
    }

    static String error(String type, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).putNull("param").put("code", type);
        return root.toString();
    }

    private static ObjectNode header(Ids ids, String object) {
        return JSON.createObjectNode().put("id", ids.id()).put("object", object).put("created", ids.created())
                .put("model", ids.model());
    }

    private static void usage(ObjectNode root, int promptTokens, int completionTokens) {
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }
}
