package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL mid-way and resumed is still reproduced exactly by a rerun. */
class RerunAfterCrashTest {
    @TempDir
    Path dir;

    @Test
    void aRerunOfAKilledAndResumedRunReproducesItsWorkspaceWithNoModelCalls() {
        Path script = Scenario.calculator(dir, 300);
        String runId;
        try (NodeProcess first = NodeProcess.start(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "Write a calculator")) {
            runId = Scenario.runId(first);
            first.awaitLines(Scenario::isEffect, 3, Duration.ofSeconds(60));
            first.kill();
        }
        NodeProcess resumed = NodeProcess.run(dir, "resume", runId, "--data-dir", "data");
        assertEquals(0, resumed.exitCode(Duration.ofSeconds(1)), resumed.output());

        NodeProcess rerun = NodeProcess.run(dir, "replay", runId, "--rerun", "--data-dir", "data");

        assertEquals(0, rerun.exitCode(Duration.ofSeconds(1)), rerun.output());
        List<String> digests = rerun.stdout().stream().filter(l -> l.contains("workspace sha256"))
                .map(l -> l.split("\\s+")[3]).toList();
        assertEquals(2, digests.size(), rerun.output());
        assertEquals(digests.get(0), digests.get(1));
        assertTrue(rerun.stdout().stream().anyMatch(l -> l.startsWith("files ") && l.contains(", model calls 0,")),
                rerun.output());
        assertEquals(Scenario.files(dir.resolve("data/workspace").resolve(runId)),
                Scenario.files(dir.resolve("data/workspace").resolve(Scenario.runId(rerun))));
    }
}
