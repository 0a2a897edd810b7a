package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's id is one resume knows from the moment it is printed; Ctrl-C stops a run at once with the
 * command that continues it; a resumed run reports the time it was worked on beside its duration.
 */
class RunLifecycleTest {
    private static final Pattern WORKING = Pattern.compile(
            "working time (\\d+\\.\\d) s \\(the duration above includes (\\d+\\.\\d) s the run stood still\\)");
    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void slowScript() {
        script = Scenario.calculator(dir, 200);
    }

    @Test
    void aRunKilledRightAfterItsIdIsPrintedIsListedWithTheCommandThatResumesIt() {
        String runId;
        try (NodeProcess node = NodeProcess.start(dir, "run", "--data-dir", "killed", "--llm", "scripted:" + script,
                "Write a calculator")) {
            runId = Scenario.runId(node);
            node.kill();
            assertTrue(node.stdout().get(0).startsWith("starting a node on "), node.output());
        }

        NodeProcess runs = NodeProcess.run(dir, "runs", "--data-dir", "killed");

        assertEquals(0, runs.exitCode(Duration.ofSeconds(1)), runs.output());
        assertTrue(runs.stdout().stream().anyMatch(l -> l.startsWith(runId) && l.contains("UNFINISHED")),
                runs.output());
        assertTrue(runs.stdout().contains("    stopped before its end; continue it with: resume " + runId
                + " --data-dir killed"), runs.output());
    }

    @Test
    void ctrlCPrintsTheExactResumeCommandAndStopsWithinTwoSeconds() {
        try (NodeProcess node = NodeProcess.start(dir, "run", "--data-dir", "interrupted", "--llm",
                "scripted:" + script, "Write a calculator")) {
            String runId = Scenario.runId(node);
            node.awaitLines(Scenario::isEffect, 1, Duration.ofSeconds(60));
            long start = System.nanoTime();
            node.interrupt();

            assertEquals(StopOnInterrupt.STOPPED, node.exitCode(Duration.ofSeconds(10)), node.output());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, "stopped after " + millis + " ms");
            List<String> out = node.stdout();
            assertEquals("run " + runId + " stopped; continue it with: resume " + runId + " --data-dir interrupted",
                    out.get(out.size() - 1), node.output());
        }
    }

    @Test
    void aResumedRunReportsItsWorkingTimeBesideTheTimeItStoodStill() throws InterruptedException {
        String runId;
        try (NodeProcess node = NodeProcess.start(dir, "run", "--data-dir", "resumed", "--llm", "scripted:" + script,
                "Write a calculator")) {
            runId = Scenario.runId(node);
            node.awaitLines(Scenario::isEffect, 2, Duration.ofSeconds(60));
            node.kill();
        }
        Thread.sleep(3000);

        NodeProcess resumed = NodeProcess.run(dir, "resume", runId, "--data-dir", "resumed");

        assertEquals(0, resumed.exitCode(Duration.ofSeconds(1)), resumed.output());
        assertTrue(resumed.stdout().get(0).startsWith("resuming run " + runId + ": starting a node on "),
                resumed.output());
        Matcher working = resumed.stdout().stream().map(WORKING::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no working time:\n" + resumed.output()));
        assertTrue(Double.parseDouble(working.group(2)) >= 3.0, working.group());
        NodeProcess runs = NodeProcess.run(dir, "runs", "--data-dir", "resumed");
        assertTrue(runs.stdout().stream().anyMatch(l -> l.contains("(resumed: worked ")), runs.output());
    }
}
