package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node of a plain `run` serves the API on a loopback port, so a second terminal's commands on its
 * data dir go through it; a second node on the same data dir is refused with one clear line.
 */
class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void runsOnADataDirThatARunHoldsListsTheRunGoingOnThroughItsNode() {
        Path script = Scenario.calculator(dir, 5_000);
        try (NodeProcess owner = NodeProcess.start(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "Write a calculator")) {
            String runId = Scenario.runId(owner);
            owner.awaitLines(l -> l.startsWith("node http://127.0.0.1:"), 1, Duration.ofSeconds(60));

            NodeProcess runs = NodeProcess.run(dir, "runs", "--data-dir", "data");

            assertEquals(0, runs.exitCode(Duration.ofSeconds(1)), runs.output());
            assertTrue(runs.stdout().stream().anyMatch(l -> l.startsWith(runId + " ") && l.contains(" RUNNING ")),
                    runs.output());
            assertTrue(runs.stdout().contains("    going on at its node; follow it with: resume " + runId
                    + " --data-dir data"), runs.output());
        }
    }

    @Test
    void aSecondNodeOnTheSameDataDirIsRefused() {
        Path script = Scenario.calculator(dir, 5_000);
        try (NodeProcess owner = NodeProcess.start(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "Write a calculator")) {
            owner.awaitLines(l -> l.startsWith("workspace "), 1, Duration.ofSeconds(60));

            NodeProcess second = NodeProcess.run(dir, "serve", "--data-dir", "data", "--port", "0");

            assertEquals(2, second.exitCode(Duration.ofSeconds(1)), second.output());
            assertEquals(1, second.stderr().size(), second.output());
            assertTrue(second.stderr().get(0).contains("is in use by another node process"), second.output());
        }
    }
}
