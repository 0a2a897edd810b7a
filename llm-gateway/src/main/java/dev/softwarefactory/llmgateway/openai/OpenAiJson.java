package dev.softwarefactory.llmgateway.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;

/** Writes the OpenAI wire JSON: model list, completion, stream chunks, errors. */
public final class OpenAiJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiJson() {
    }

    /** One completion's identity, shared by all its chunks. */
    public record Ids(String id, String model, long created) {
    }

    /** Token counts, and the price where the server knows it (sent as {@code usage.cost_usd}, an extension). */
    public record Usage(long promptTokens, long completionTokens, OptionalDouble costUsd) {
        public static Usage of(long promptTokens, long completionTokens) {
            return new Usage(promptTokens, completionTokens, OptionalDouble.empty());
        }
    }

    public static String models(List<String> ids, String ownedBy) {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        ids.forEach(id -> data.add(modelNode(id, ownedBy)));
        return root.toString();
    }

    public static String model(String id, String ownedBy) {
        return modelNode(id, ownedBy).toString();
    }

    private static ObjectNode modelNode(String id, String ownedBy) {
        return JSON.createObjectNode().put("id", id).put("object", "model").put("created", 0).put("owned_by", ownedBy);
    }

    public static String completion(Ids ids, String text, String finishReason, Usage usage) {
        ObjectNode root = header(ids, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", finishReason);
        usage(root, usage);
        return root.toString();
    }

    /** A chunk with a delta; role is sent only on the first chunk, finishReason only on the last. */
    public static String chunk(Ids ids, String role, String content, String finishReason) {
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
    public static String usageChunk(Ids ids, Usage usage) {
        ObjectNode root = header(ids, "chat.completion.chunk");
        root.putArray("choices");
        usage(root, usage);
        return root.toString();
    }

    public static String error(OpenAiError error) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode body = root.putObject("error").put("message", error.getMessage()).put("type", error.type());
        error.param().ifPresentOrElse(param -> body.put("param", param), () -> body.putNull("param"));
        body.put("code", error.code());
        return root.toString();
    }

    private static ObjectNode header(Ids ids, String object) {
        return JSON.createObjectNode().put("id", ids.id()).put("object", object).put("created", ids.created())
                .put("model", ids.model());
    }

    private static void usage(ObjectNode root, Usage usage) {
        ObjectNode node = root.putObject("usage").put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.promptTokens() + usage.completionTokens());
        usage.costUsd().ifPresent(cost -> node.put("cost_usd", cost));
    }
}
