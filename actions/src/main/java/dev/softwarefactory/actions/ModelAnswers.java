package dev.softwarefactory.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small checks and extractions on model answers, shared by the parsers. */
final class ModelAnswers {
    private static final Pattern FENCE_LINE = Pattern.compile("(?m)^\\s*```");
    private static final Pattern FENCE = Pattern.compile("```[\\w.+-]*[ \\t]*\\n(.*?)^[ \\t]*```",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json[ \\t]*\\n(.*?)^[ \\t]*```",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelAnswers() {
    }

    static String nonBlank(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new AnswerRejected("the answer is empty");
        }
        return answer;
    }

    /** Refuses an answer whose code fences do not pair up: the model stopped mid-block. */
    static String complete(String answer) {
        Matcher m = FENCE_LINE.matcher(nonBlank(answer));
        int fences = 0;
        while (m.find()) {
            fences++;
        }
        if (fences % 2 != 0) {
            throw new AnswerRejected("the answer is cut off (a ``` block is not closed)");
        }
        return answer;
    }

    /** The body of the first fenced block, or the whole answer when it has none; never empty. */
    static String codeBody(String answer) {
        Matcher m = FENCE.matcher(complete(answer));
        String body = m.find() ? m.group(1) : answer;
        if (body.isBlank()) {
            throw new AnswerRejected("the code block is empty");
        }
        return body.endsWith("\n") ? body : body + "\n";
    }

    /** The last ```json block of the answer, parsed to an object. */
    static JsonNode lastJsonObject(String answer) {
        Matcher m = JSON_BLOCK.matcher(complete(answer));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new AnswerRejected("the answer has no ```json block");
        }
        JsonNode node;
        try {
            node = JSON.readTree(last);
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

    /** Markdown level-2 headings the answer lacks, compared case-insensitively. */
    static List<String> missingSections(String markdown, List<String> sections) {
        List<String> headings = markdown.lines().filter(l -> l.startsWith("## "))
                .map(l -> l.substring(3).strip().toLowerCase(java.util.Locale.ROOT)).toList();
        return sections.stream()
                .filter(s -> headings.stream().noneMatch(h -> h.startsWith(s.toLowerCase(java.util.Locale.ROOT))))
                .toList();
    }
}
