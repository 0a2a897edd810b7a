package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private static void assertRendered(String name, Map<String, String> values) {
        String text = Prompts.render(name, values);

        assertFalse(text.contains("{{"), name + " still has a placeholder:\n" + text);
        values.values().forEach(v -> assertTrue(text.contains(v), name + " should contain '" + v + "'"));
    }

    @Test
    void writePrdRendersWithTheRequirement() {
        assertRendered("write-prd", Map.of("requirement", "REQ-make a calculator"));
    }

    @Test
    void writeDesignRendersWithThePrd() {
        assertRendered("write-design", Map.of("prd", "PRD-calculator goals"));
    }

    @Test
    void writeCodeRendersWithFileAndDesign() {
        assertRendered("write-code", Map.of("file", "src/calc.py", "design", "DESIGN-calculator"));
    }

    @Test
    void missingPromptNameThrowsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Prompts.render("no-such-prompt", Map.of()));

        assertTrue(e.getMessage().contains("no-such-prompt"), e.getMessage());
    }
}
