package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runs, replay and export-dataset print for a short recorded run whose requirement came from a
 * file and holds an escape sequence: nothing a terminal would obey, filters that name what exists,
 * JSON with whole values, and one line for a bad --out.
 */
class ReadCommandsOutputTest {
    private static final String ESC = "\u001b";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static String runId;

    @BeforeAll
    static void recordAShortRun() throws IOException {
        Files.writeString(dir.resolve("idea.txt"), "Write a calculator " + ESC + "[31min red" + ESC + "[0m\n"
                + "that adds and subtracts.\n");
        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm",
                "scripted:" + Scenario.calculator(dir, 0), "--n-round", "1", "--requirement-file", "idea.txt");
        assertEquals(1, node.exitCode(Duration.ofSeconds(1)), node.output());
        runId = Scenario.runId(node);
    }

    @Test
    void runsAndReplayShowControlCharactersEscaped() {
        NodeProcess runs = NodeProcess.run(dir, "runs", "--data-dir", "data");
        NodeProcess replay = NodeProcess.run(dir, "replay", runId, "--data-dir", "data");

        for (NodeProcess node : List.of(runs, replay)) {
            assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
            assertTrue(node.stdout().stream().noneMatch(l -> l.contains(ESC)), "raw escape in:\n" + node.output());
            assertTrue(node.stdout().stream().anyMatch(l -> l.contains("Write a calculator \\u001b[31min red")),
                    node.output());
        }
    }

    @Test
    void aRequirementFromStandardInputIsTakenWhole() throws IOException {
        Path stdin = dir.resolve("stdin.txt");
        Files.writeString(stdin, "Write a calculator\nwith memory keys\n");
        NodeProcess node = NodeProcess.start(dir, java.lang.ProcessBuilder.Redirect.from(stdin.toFile()), "run",
                "--data-dir", "stdin", "--llm", "scripted:" + Scenario.calculator(dir, 0), "--n-round", "1",
                "--requirement-file", "-");
        assertEquals(1, node.exitCode(Duration.ofSeconds(90)), node.output());

        NodeProcess shown = NodeProcess.run(dir, "replay", Scenario.runId(node), "--data-dir", "stdin", "--json",
                "--type", "RunStarted");

        assertEquals(0, shown.exitCode(Duration.ofSeconds(1)), shown.output());
        assertEquals("requirement: Write a calculator with memory keys",
                json(shown.stdout().get(0)).path("summary").asText());
    }

    @Test
    void anUnknownRoleOrTypeNamesWhatTheRunHas() {
        NodeProcess role = NodeProcess.run(dir, "replay", runId, "--data-dir", "data", "--role", "Enginer");
        NodeProcess type = NodeProcess.run(dir, "replay", runId, "--data-dir", "data", "--type", "Prdd");

        assertEquals(2, role.exitCode(Duration.ofSeconds(1)), role.output());
        assertTrue(role.stderr().get(0).matches("error: run " + runId + " has no role Enginer; its roles: .*Company,"
                + " ProductManager.*"), role.output());
        assertEquals(2, type.exitCode(Duration.ofSeconds(1)), type.output());
        assertTrue(type.stderr().get(0).startsWith("error: run " + runId + " has no step of type Prdd; its events: "),
                type.output());
        assertTrue(type.stderr().get(0).matches(".*; effect kinds: [a-z, ]*llm.*; message types: .*Prd.*"),
                type.output());
    }

    @Test
    void jsonGivesWholeValuesWhereTheTableCutsThem() {
        NodeProcess table = NodeProcess.run(dir, "replay", runId, "--data-dir", "data", "--type", "Prd");
        NodeProcess json = NodeProcess.run(dir, "replay", runId, "--data-dir", "data", "--type", "Prd", "--json");

        assertEquals(0, json.exitCode(Duration.ofSeconds(1)), json.output());
        assertTrue(table.stdout().stream().skip(1).allMatch(l -> l.endsWith("...")), table.output());
        for (String line : json.stdout()) {
            String summary = json(line).path("summary").asText();
            assertFalse(summary.endsWith("..."), summary);
            assertTrue(summary.length() > 200, summary);
        }
    }

    @Test
    void exportToAFolderIsRefusedAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        NodeProcess node = NodeProcess.run(dir, "export-dataset", runId, "--data-dir", "data", "--out", "out");

        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertEquals(List.of("error: --out out is a folder: name the file to write, e.g. --out out/calls.jsonl"),
                node.stderr());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".export")), "temporary file left");
        }
    }

    @Test
    void anExportThatCannotBeWrittenIsOneLine() {
        NodeProcess node = NodeProcess.run(dir, "export-dataset", runId, "--data-dir", "data", "--out",
                "/proc/calls.jsonl");

        assertEquals(1, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertEquals(1, node.stderr().size(), node.output());
        assertTrue(node.stderr().get(0).startsWith("error: cannot write /proc/calls.jsonl: "), node.output());
    }

    @Test
    void runsOnAFolderWithoutRunsSaysSoAndLeavesItAsItWas() throws IOException {
        Files.createDirectories(dir.resolve("fresh"));
        NodeProcess node = NodeProcess.run(dir, "runs", "--data-dir", "fresh");

        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertEquals(List.of("no runs in fresh yet (start one with: run --data-dir fresh \"idea\")"), node.stdout());
        try (Stream<Path> files = Files.list(dir.resolve("fresh"))) {
            assertEquals(0, files.count());
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
