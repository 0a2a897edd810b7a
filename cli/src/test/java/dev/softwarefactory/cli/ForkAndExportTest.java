package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fork and export-dataset on a recorded green calculator run and a run that failed at its round limit. */
class ForkAndExportTest {
    private static final String FORKED_CODE = "# forked\\ndef add(a, b):";
    @TempDir
    static Path dir;
    static Path script;
    static String green;
    static String failed;

    @BeforeAll
    static void recordRuns() {
        script = Scenario.calculator(dir, 0);
        NodeProcess first = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "Write a calculator");
        assertEquals(0, first.exitCode(Duration.ofSeconds(1)), first.output());
        green = Scenario.runId(first);
        NodeProcess second = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "--n-round", "1", "Write a calculator");
        assertEquals(1, second.exitCode(Duration.ofSeconds(1)), second.output());
        failed = Scenario.runId(second);
    }

    @Test
    void aForkServesTheEffectsUpToItsStepAndCallsTheNewModelAfterIt() throws IOException {
        Path forkScript = dir.resolve("forked.json");
        Files.writeString(forkScript, Files.readString(script).replace("def add(a, b):", FORKED_CODE));
        List<String> timeline = NodeProcess.run(dir, "replay", green, "--data-dir", "data").stdout();
        String designStep = timeline.stream().filter(l -> l.contains(" file:docs/design.md ")).findFirst()
                .orElseThrow().trim().split("\\s+")[0];

        NodeProcess fork = NodeProcess.run(dir, "fork", green, "--at", designStep, "--llm", "scripted:" + forkScript,
                "--data-dir", "data");

        assertEquals(0, fork.exitCode(Duration.ofSeconds(1)), fork.output());
        List<String> effects = fork.stdout().stream().filter(Scenario::isEffect).toList();
        List<String> served = effects.stream().filter(l -> l.contains("served from step")).map(Scenario::effectKey)
                .toList();
        List<String> live = effects.stream().filter(l -> !l.contains("served from step")).map(Scenario::effectKey)
                .sorted().toList();
        assertEquals(List.of("llm:prd", "file:docs/prd.md", "llm:design", "file:docs/design.md"), served);
        assertEquals(List.of("exec:check", "exec:describe-environment", "exec:environment", "exec:interfaces",
                "exec:mutation", "exec:probe-pytest", "exec:tests", "file:README.md", "file:calc.py",
                "file:docs/tasks.md", "file:requirements.txt", "file:test_calc.py", "llm:code:calc.py", "llm:readme",
                "llm:review", "llm:tasks", "llm:test:test_calc.py"), live);
        assertTrue(fork.stdout().stream().anyMatch(l -> l.startsWith("files ") && l.contains(", model calls 5,")),
                fork.output());
        Path workspace = dir.resolve("data/workspace").resolve(Scenario.runId(fork));
        assertTrue(Files.readString(workspace.resolve("calc.py")).startsWith("# forked\n"));
        assertEquals(Files.readString(dir.resolve("data/workspace").resolve(green).resolve("docs/design.md")),
                Files.readString(workspace.resolve("docs/design.md")));
    }

    @Test
    void aForkAtAStepTheRunDoesNotHaveIsRefused() {
        NodeProcess fork = NodeProcess.run(dir, "fork", green, "--at", "0", "--data-dir", "data");
        assertEquals(2, fork.exitCode(Duration.ofSeconds(1)), fork.output());
        assertTrue(fork.stderr().get(0).contains("has no step 0"), fork.output());
    }

    @Test
    void theDatasetHoldsEveryModelCallOfEachRunOnceAsChatJsonLines() throws IOException {
        NodeProcess export = NodeProcess.run(dir, "export-dataset", green, failed, "--out", "all.jsonl",
                "--data-dir", "data");
        assertEquals(0, export.exitCode(Duration.ofSeconds(1)), export.output());

        List<JsonNode> records = read(dir.resolve("all.jsonl"));
        List<String> greenCalls = calls(records, green);
        assertEquals(List.of("ReviewCode null", "WriteCode calc.py", "WriteDesign null", "WritePRD null",
                "WriteReadme README.md", "WriteTasks null", "WriteTests test_calc.py"), greenCalls);
        assertEquals(List.of("WritePRD null"), calls(records, failed));
        for (JsonNode record : records) {
            assertEquals("user", record.get("messages").get(0).get("role").asText());
            assertTrue(record.get("messages").get(0).get("content").asText().startsWith("Action: "), record.toString());
            assertEquals("assistant", record.get("messages").get(1).get("role").asText());
            assertEquals("scripted", record.get("backend").asText());
        }
        JsonNode prd = records.stream().filter(r -> r.get("action").asText().equals("WritePRD")
                && r.get("run_id").asText().equals(green)).findFirst().orElseThrow();
        assertTrue(prd.get("messages").get(1).get("content").asText().startsWith("# PRD: calculator"));
        assertEquals("ProductManager", prd.get("role").asText());
        assertEquals("SUCCEEDED", prd.get("run_outcome").asText());
    }

    @Test
    void onlyGreenLeavesOutRunsThatDidNotSucceed() throws IOException {
        NodeProcess export = NodeProcess.run(dir, "export-dataset", green, failed, "--only-green", "--out",
                "green.jsonl", "--data-dir", "data");
        assertEquals(0, export.exitCode(Duration.ofSeconds(1)), export.output());

        List<JsonNode> records = read(dir.resolve("green.jsonl"));
        assertEquals(7, records.size());
        assertTrue(records.stream().allMatch(r -> r.get("run_id").asText().equals(green)
                && r.get("run_outcome").asText().equals("SUCCEEDED")));
    }

    @Test
    void anExportNamingAnUnknownRunWritesNothing() {
        NodeProcess export = NodeProcess.run(dir, "export-dataset", green, "nosuch", "--out", "none.jsonl",
                "--data-dir", "data");
        assertEquals(2, export.exitCode(Duration.ofSeconds(1)), export.output());
        assertTrue(export.stderr().get(0).contains("no run nosuch"), export.output());
        assertTrue(Files.notExists(dir.resolve("none.jsonl")));
    }

    private static List<JsonNode> read(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            records.add(json.readTree(line));
        }
        return records;
    }

    private static List<String> calls(List<JsonNode> records, String runId) {
        return records.stream().filter(r -> r.get("run_id").asText().equals(runId))
                .map(r -> r.get("action").asText() + " " + r.get("target").asText()).sorted().toList();
    }
}
