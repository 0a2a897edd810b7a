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
    void aSubcommandsRefusalPointsAtItsOwnHelp() {
        NodeProcess node = NodeProcess.run(dir, "bench", "page", "--steps", "5");
        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertEquals("see: java -jar node.jar bench page --help", node.stderr().get(1), node.output());
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

    @Test
    void anEmptyDataDirIsRefusedRatherThanMakingTheCurrentFolderOne() {
        assertRefused("Invalid value for option '--data-dir': it is empty: name a folder", "runs", "--data-dir", "");
        assertFalse(Files.exists(dir.resolve("journal")), "the current folder became a data dir");
    }

    @Test
    void anInvestmentThatIsNotANumberIsRefused() {
        assertRefused("Invalid value for option '--investment': 'NaN' is not an amount of US dollars", "run",
                "--data-dir", "data", "--llm", "scripted:" + Scenario.calculator(dir, 0), "--investment", "NaN",
                "idea");
        assertRefused("'Infinity' is not an amount of US dollars", "run", "--data-dir", "data", "--llm", "demo",
                "--investment", "Infinity", "idea");
    }

    @Test
    void aRequirementBeyondTheSizeLimitIsRefused() throws IOException {
        Files.writeString(dir.resolve("spec.txt"), "Write a calculator. ".repeat(2000));
        assertRefused("the requirement has 40000 characters; at most 32000 are taken", "run", "--data-dir", "data",
                "--llm", "demo", "--requirement-file", "spec.txt");
    }

    @Test
    void aRequirementGivenTwiceIsRefused() throws IOException {
        Files.writeString(dir.resolve("spec.txt"), "Write a calculator");
        assertRefused("give the requirement as an argument or with --requirement-file, not both", "run",
                "--data-dir", "data", "--llm", "demo", "--requirement-file", "spec.txt", "idea");
    }
}
