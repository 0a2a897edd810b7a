package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs survive their node: a node started later on the same data dir lists the same runs. */
class JournalRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void runsListsTheSameRunsAfterTheNodeRestarts() {
        Path script = Scenario.calculator(dir, 0);
        NodeProcess first = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script, "One");
        NodeProcess second = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script, "Two");
        assertEquals(0, first.exitCode(Duration.ofSeconds(1)), first.output());
        assertEquals(0, second.exitCode(Duration.ofSeconds(1)), second.output());

        List<String> listed = NodeProcess.run(dir, "runs", "--data-dir", "data").stdout();
        List<String> listedAgain = NodeProcess.run(dir, "runs", "--data-dir", "data").stdout();

        assertEquals(5, listed.size(), String.join("\n", listed));
        assertEquals(listed, listedAgain);
        assertTrue(listed.get(1).startsWith(Scenario.runId(first) + " ") && listed.get(1).contains("SUCCEEDED")
                && listed.get(1).endsWith("One"), listed.get(1));
        assertTrue(listed.get(3).startsWith(Scenario.runId(second) + " ") && listed.get(3).endsWith("Two"),
                listed.get(3));
        assertTrue(listed.get(1).matches(".* 7 +[1-9]\\d* +\\$0\\.0000 +One"), "7 model calls and their tokens: "
                + listed.get(1));
        assertTrue(listed.get(2).startsWith("    ") && !listed.get(2).isBlank(), "why it ended: " + listed.get(2));
    }

    @Test
    void aRunStoppedBeforeItsEndIsListedAsUnfinishedWithHowToContinueIt() {
        Path script = Scenario.calculator(dir, 300);
        String runId;
        try (NodeProcess node = NodeProcess.start(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "Killed")) {
            runId = Scenario.runId(node);
            node.awaitLines(Scenario::isEffect, 1, Duration.ofSeconds(60));
            node.kill();
        }

        List<String> listed = NodeProcess.run(dir, "runs", "--data-dir", "data").stdout();

        assertTrue(listed.get(1).startsWith(runId + " ") && listed.get(1).contains("UNFINISHED"), listed.get(1));
        assertTrue(listed.get(2).endsWith("continue it with: resume " + runId + " --data-dir data"), listed.get(2));
    }
}
