package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay on a recorded calculator run: the timeline, one step in full, and a rerun without the model. */
class ReplayCommandTest {
    @TempDir
    static Path dir;
    static Path script;
    static String runId;

    @BeforeAll
    static void recordARun() {
        script = Scenario.calculator(dir, 0);
        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "Write a calculator");
        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        runId = Scenario.runId(node);
    }

    private static NodeProcess replay(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("replay", runId, "--data-dir", "data"));
        command.addAll(List.of(args));
        return NodeProcess.run(dir, command.toArray(String[]::new));
    }

    private static String stepOf(List<String> timeline, String key) {
        return timeline.stream().filter(l -> l.contains(" " + key + " ")).findFirst().orElseThrow().trim()
                .split("\\s+")[0];
    }

    @Test
    void theTimelineShowsEveryRolesStepsNumberedInOrder() {
        NodeProcess node = replay();
        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        List<String> rows = node.stdout().subList(1, node.stdout().size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(String.valueOf(i + 1), rows.get(i).trim().split("\\s+")[0], rows.get(i));
        }
        assertTrue(rows.get(0).contains("RunStarted"), rows.get(0));
        // The last role's OutputsDelivered and the Company's RunEnded race for the last step.
        assertTrue(rows.subList(rows.size() - 2, rows.size()).stream().anyMatch(l -> l.contains("RunEnded")),
                String.join("\n", rows));
        for (String key : List.of("llm:prd", "llm:design", "llm:code:calc.py", "file:calc.py", "exec:tests")) {
            assertEquals(1, rows.stream().filter(l -> l.contains(" " + key + " ")).count(), key);
        }
        assertTrue(Integer.parseInt(stepOf(rows, "llm:prd")) < Integer.parseInt(stepOf(rows, "exec:tests")));
    }

    @Test
    void roleAndTypeFiltersKeepOnlyMatchingStepsAsJson() {
        NodeProcess node = replay("--role", "Engineer", "--type", "llm", "--json");
        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertEquals(2, node.stdout().size(), node.output());
        assertTrue(node.stdout().stream().allMatch(l -> l.startsWith("{") && l.contains("\"role\":\"Engineer\"")
                && l.contains("\"event\":\"EffectRecorded\"")), node.output());
        assertEquals(List.of("llm:code:calc.py", "llm:review"), node.stdout().stream()
                .map(l -> l.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1")).sorted().toList());
    }

    @Test
    void showPrintsAModelCallsPromptAndAnswer() {
        String step = stepOf(replay().stdout(), "llm:prd");
        NodeProcess node = replay("--show", step);
        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        String text = String.join("\n", node.stdout());
        assertTrue(text.contains("--- prompt ---\nuser: Action: WritePRD"), text);
        assertTrue(text.contains("--- answer ---\n# PRD: calculator"), text);
    }

    @Test
    void showPrintsACommandsOutput() {
        NodeProcess node = replay("--show", stepOf(replay().stdout(), "exec:tests"));
        String text = String.join("\n", node.stdout());
        assertTrue(text.matches("(?s).*\\$ .*venv/bin/python -m (pytest|unittest).*--- output ---.*"), text);
    }

    @Test
    void anUnknownStepIsRefused() {
        NodeProcess node = replay("--show", "9999");
        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stderr().get(0).contains("has no step 9999"), node.output());
    }

    @Test
    void anUnknownRunIsRefused() {
        NodeProcess node = NodeProcess.run(dir, "replay", "nosuch", "--data-dir", "data");
        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stderr().get(0).contains("no run nosuch in data"), node.output());
    }

    @Test
    void aRerunReproducesTheRunWithoutOpeningItsModel() throws IOException {
        Path moved = dir.resolve("moved.json");
        Files.move(script, moved);
        try {
            NodeProcess node = replay("--rerun");
            assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
            List<String> digests = node.stdout().stream().filter(l -> l.contains("workspace sha256"))
                    .map(l -> l.split("\\s+")[3]).toList();
            assertEquals(2, digests.size(), node.output());
            assertEquals(digests.get(0), digests.get(1));
            assertTrue(node.stdout().stream().anyMatch(l -> l.startsWith("files ") && l.contains(", model calls 0,")),
                    node.output());
            String rerunId = Scenario.runId(node);
            assertEquals(Scenario.files(dir.resolve("data/workspace").resolve(runId)),
                    Scenario.files(dir.resolve("data/workspace").resolve(rerunId)));
        } finally {
            Files.move(moved, script);
        }
    }
}
