package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PromptsTest {
    private static final Map<String, String> VALUES = Map.ofEntries(Map.entry("requirement", "REQ-1"),
            Map.entry("prd", "PRD-1"), Map.entry("design", "DESIGN-1"), Map.entry("files", "FILES-1"),
            Map.entry("file", "FILE-1"), Map.entry("task", "TASK-1"), Map.entry("interface", "IFACE-1"),
            Map.entry("dependencies", "DEPS-1"), Map.entry("code", "CODE-1"), Map.entry("problem", "PROBLEM-1"),
            Map.entry("sources", "SOURCES-1"), Map.entry("tests", "TESTS-1"), Map.entry("criteria", "CRITERIA-1"),
            Map.entry("request", "REQUEST-1"), Map.entry("failure", "FAILURE-1"), Map.entry("environment", "ENV-1"));

    @ParameterizedTest
    @ValueSource(strings = {"write-prd", "write-design", "write-tasks", "write-code", "review-code", "fix-bug",
            "write-tests", "write-readme", "revise-tests", "revise-dependencies"})
    void everyActionPromptRendersWithoutPlaceholdersLeft(String name) {
        String text = Prompts.render(name, VALUES);

        assertFalse(text.contains("{{"), name + " still has a placeholder:\n" + text);
        assertTrue(VALUES.values().stream().anyMatch(text::contains), name + " shows none of its inputs");
    }

    @Test
    void theRejectionPromptCarriesTheReason() {
        assertTrue(Prompts.render("answer-rejected", Map.of("reason", "no ```json block"))
                .contains("rejected: no ```json block"));
    }

    @Test
    void missingPromptNameThrowsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Prompts.render("no-such-prompt", Map.of()));

        assertTrue(e.getMessage().contains("no-such-prompt"), e.getMessage());
    }
}
