package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line that says what to do, exit 2, nothing written. */
class UsageErrorTest {
    @TempDir
    Path dir;

    private void assertRefused(String expected, String... args) {
        NodeProcess node = NodeProcess.run(dir, args);
        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stderr().get(0).contains(expected), node.output());
        assertFalse(Files.exists(dir.resolve("data")), "nothing may be written");
    }

    @Test
    void anEmptyRequirementIsRefused() {
        assertRefused("the requirement is empty", "run", "--data-dir", "data", "--llm",
                "scripted:" + Scenario.calculator(dir, 0), "   ");
    }

    @Test
    void anUnknownFlagIsRefused() {
        assertRefused("Unknown option: '--colour'", "run", "--colour", "idea");
    }

    @Test
    void aMissingScriptIsRefused() {
        assertRefused("scripted model file not found", "run", "--data-dir", "data", "--llm", "scripted:nope.json",
                "idea");
    }

    @Test
    void aMalformedScriptIsRefused() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "[{\"action\": \"WritePRD\"}]");
        assertRefused("entry 0: needs a string \"action\" and a string \"reply\"", "run", "--data-dir", "data",
                "--llm", "scripted:bad.json", "idea");
    }

    @Test
    void anUnknownRunIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("existing"));
        NodeProcess node = NodeProcess.run(dir, "resume", "nosuch", "--data-dir", "existing");
        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stderr().get(0).contains("no run nosuch in existing"), node.output());
    }

    @Test
    void aMissingDataDirIsRefused() {
        assertRefused("no data dir data", "resume", "nosuch", "--data-dir", "data");
    }
}
