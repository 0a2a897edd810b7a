package dev.softwarefactory.llmgateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks a scripted-model file: a JSON list of {action, target?, reply, delayMs?}. */
public final class ScriptFile {
    private ScriptFile() {
    }

    public static List<ScriptEntry> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("scripted model file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("scripted model file " + file + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("scripted model file " + file
                    + " must be a non-empty JSON list of {\"action\": ..., \"reply\": ...}");
        }
        List<ScriptEntry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            entries.add(entry(file, i, root.get(i)));
        }
        return entries;
    }

    private static ScriptEntry entry(Path file, int index, JsonNode node) {
        String where = "scripted model file " + file + ", entry " + index + ": ";
        if (!node.isObject() || !node.path("action").isTextual() || !node.path("reply").isTextual()) {
            throw new IllegalArgumentException(where + "needs a string \"action\" and a string \"reply\"");
        }
        JsonNode target = node.get("target");
        if (target != null && !target.isNull() && !target.isTextual()) {
            throw new IllegalArgumentException(where + "\"target\" must be a string");
        }
        JsonNode delayNode = node.get("delayMs");
        if (delayNode != null && !delayNode.isIntegralNumber()) {
            throw new IllegalArgumentException(where + "\"delayMs\" must be a whole number of milliseconds");
        }
        long delay = delayNode == null ? 0 : delayNode.asLong();
        if (delay < 0) {
            throw new IllegalArgumentException(where + "\"delayMs\" must not be negative");
        }
        return new ScriptEntry(node.get("action").asText(),
                target == null || target.isNull() ? null : target.asText(),
                node.get("reply").asText(), delay);
    }
}
