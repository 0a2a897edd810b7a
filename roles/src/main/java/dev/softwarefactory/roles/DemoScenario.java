package dev.softwarefactory.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scenario of {@code demo}: a scripted model plays every role on a small Python command
 * line program whose first version has a bug that QA's tests catch and the Engineer fixes.
 */
public final class DemoScenario {
    public static final String REQUIREMENT = "Write a command-line tool that prints the most frequent words"
            + " of a text file, ignoring case and punctuation";
    private static final String RESOURCE = "/scenarios/demo.json";

    private DemoScenario() {
    }

    public static ScriptedModel model() {
        return new ScriptedModel(entries(), "built-in demo scenario");
    }

    public static List<ScriptEntry> entries() {
        try (InputStream in = DemoScenario.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<ScriptEntry> entries = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                entries.add(new ScriptEntry(node.get("action").asText(),
                        node.hasNonNull("target") ? node.get("target").asText() : null,
                        node.get("reply").asText(), node.path("delayMs").asLong(0)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
