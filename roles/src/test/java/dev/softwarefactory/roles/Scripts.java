package dev.softwarefactory.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.llmgateway.ScriptEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Scripts for the tests: the demo scenario's without delays, variations of it, and test resources. */
final class Scripts {
    private Scripts() {
    }

    static List<ScriptEntry> demo() {
        return DemoScenario.entries().stream().map(e -> new ScriptEntry(e.action(), e.target(), e.reply(), 0)).toList();
    }

    /** The demo script with the entries for an action (and target) replaced by the given replies, in order. */
    static List<ScriptEntry> demoWith(String action, String target, String... replies) {
        List<ScriptEntry> entries = new ArrayList<>();
        boolean placed = false;
        for (ScriptEntry entry : demo()) {
            if (entry.action().equals(action) && Objects.equals(entry.target(), target)) {
                if (!placed) {
                    for (String reply : replies) {
                        entries.add(new ScriptEntry(action, target, reply, 0));
                    }
                    placed = true;
                }
            } else {
                entries.add(entry);
            }
        }
        if (!placed) {
            throw new IllegalArgumentException("the demo has no entry for " + action + " " + target);
        }
        return entries;
    }

    /** A script file among the test resources, without delays. */
    static List<ScriptEntry> resource(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream(name)) {
            List<ScriptEntry> entries = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                entries.add(new ScriptEntry(node.get("action").asText(),
                        node.hasNonNull("target") ? node.get("target").asText() : null, node.get("reply").asText(), 0));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reply(String action, String target) {
        return demo().stream().filter(e -> e.action().equals(action) && Objects.equals(e.target(), target))
                .findFirst().orElseThrow().reply();
    }
}
