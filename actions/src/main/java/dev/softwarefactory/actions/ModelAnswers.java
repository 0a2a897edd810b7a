package dev.softwarefactory.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small checks and extractions on model answers, shared by the parsers. */
final class ModelAnswers {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS,
            JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final Set<String> JSON_TAGS = Set.of("json", "jsonc", "json5");

    private ModelAnswers() {
    }

    /** The answer with \n line endings; {@link AnswerRejected} when it is empty. */
    static String text(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new AnswerRejected("the answer is empty");
        }
        return MarkdownBlocks.normalize(answer);
    }

    /** The fenced blocks of a normalized answer; refuses one whose last block is not closed: the model stopped mid-block. */
    static List<MarkdownBlocks.Block> blocks(String text) {
        MarkdownBlocks.Parsed parsed = MarkdownBlocks.parse(text);
        if (parsed.cutOff()) {
            throw new AnswerRejected("the answer is cut off (a fenced block is not closed)");
        }
        return parsed.blocks();
    }

    /** The answer with \n line endings, once every block in it is closed. */
    static String complete(String answer) {
        String text = text(answer);
        blocks(text);
        return text;
    }

    /**
     * The answer's JSON object: its last ```json block, else its last block that holds one object,
     * else the object the answer itself is (models sometimes leave the fence out).
     */
    static JsonNode lastJsonObject(String answer) {
        String text = text(answer);
        List<MarkdownBlocks.Block> blocks = blocks(text);
        List<MarkdownBlocks.Block> tagged = blocks.stream().filter(b -> JSON_TAGS.contains(b.language())).toList();
        if (!tagged.isEmpty()) {
            return object(tagged.get(tagged.size() - 1).body());
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i).body().strip().startsWith("{")) {
                return object(blocks.get(i).body());
            }
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (blocks.isEmpty() && start >= 0 && end > start) {
            return object(text.substring(start, end + 1));
        }
        throw new AnswerRejected("the answer has no ```json block");
    }

    private static JsonNode object(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AnswerRejected("the ```json block does not parse: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new AnswerRejected("the ```json block must hold one JSON object");
        }
        return node;
    }

    /** A field that must be a list of non-blank strings (empty allowed only if {@code mayBeEmpty}). */
    static List<String> strings(JsonNode parent, String field, boolean mayBeEmpty) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray() || (!mayBeEmpty && node.isEmpty())) {
            throw new AnswerRejected("\"" + field + "\" must be a" + (mayBeEmpty ? "" : " non-empty")
                    + " list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new AnswerRejected("\"" + field + "\" must hold only non-blank strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new AnswerRejected("\"" + field + "\" must be a non-blank string");
        }
        return node.asText();
    }
}
