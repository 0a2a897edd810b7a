package dev.softwarefactory.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.runtime.Workspace;
import java.util.ArrayList;
import java.util.List;

/** The machine-readable part of a system design: files to write and the test command. */
public record Design(List<String> files, List<String> testCommand) {

    /** Parses and checks the design's last JSON block; the message says what is wrong. */
    public static Design parse(String answer) {
        String json = ModelAnswers.lastJsonBlock(answer, WriteDesign.NAME);
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(WriteDesign.NAME + ": the JSON block does not parse: "
                    + e.getOriginalMessage());
        }
        List<String> files = strings(node.get("files"), "files");
        List<String> command = strings(node.get("test_command"), "test_command");
        files.forEach(Workspace::checkRelative);
        if (new java.util.HashSet<>(files).size() != files.size()) {
            throw new IllegalArgumentException(WriteDesign.NAME + ": \"files\" names a file twice: " + files);
        }
        return new Design(files, command);
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(WriteDesign.NAME + ": \"" + field + "\" must be a non-empty list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new IllegalArgumentException(WriteDesign.NAME + ": \"" + field + "\" must hold only strings");
            }
            values.add(item.asText());
        }
        return values;
    }
}
