package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `run` as a client of a serving node: the same progress and summary as a run of its own node, the
 * same exit code; Ctrl-C detaches and the run goes on; a node that dies mid-run is one line and exit 1.
 */
class RunThroughServingNodeTest {
    @TempDir
    Path dir;

    private static String address(NodeProcess serve) {
        return serve.awaitLines(l -> l.startsWith("serving "), 1, Duration.ofSeconds(90)).get(0).split(" ")[1];
    }

    /** The lines with what differs between two runs of one script masked (ids, paths, addresses, times), in order. */
    private static List<String> masked(NodeProcess run) {
        String runId = Scenario.runId(run);
        return run.stdout().stream().skip(1).map(l -> l.replace(runId, "RUN")
                .replaceAll("\\d+ ms", "N ms").replaceAll("duration [\\d.]+ s", "duration N s")
                .replaceAll("^(workspace|node) .*", "$1 ...")).sorted().toList();
    }

    @Test
    void runThroughAServingNodePrintsTheProgressAndSummaryOfARunOfItsOwnNode() {
        Path script = Scenario.calculator(dir, 0);
        NodeProcess alone = NodeProcess.run(dir, "run", "--data-dir", "alone", "--llm", "scripted:" + script,
                "Write a calculator");
        try (NodeProcess serve = NodeProcess.start(dir, "serve", "--data-dir", "data", "--port", "0")) {
            String url = address(serve);

            NodeProcess through = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                    "Write a calculator");

            assertEquals(0, alone.exitCode(Duration.ofSeconds(1)), alone.output());
            assertEquals(0, through.exitCode(Duration.ofSeconds(1)), through.output());
            assertEquals("using the node at " + url + " ...", through.stdout().get(0), through.output());
            assertEquals(masked(alone), masked(through));
            assertTrue(through.stdout().stream().anyMatch(l -> l.startsWith("tests PASSED")), through.output());
        }
    }

    @Test
    void ctrlCOfARunThroughAServingNodeDetachesAndTheRunGoesOn() {
        Path script = Scenario.calculator(dir, 300);
        try (NodeProcess serve = NodeProcess.start(dir, "serve", "--data-dir", "data", "--port", "0")) {
            String url = address(serve);
            String runId;
            try (NodeProcess run = NodeProcess.start(dir, "run", "--node", url, "--llm", "scripted:" + script,
                    "Write a calculator")) {
                runId = Scenario.runId(run);
                run.awaitLines(Scenario::isEffect, 1, Duration.ofSeconds(60));
                run.interrupt();

                assertEquals(StopOnInterrupt.STOPPED, run.exitCode(Duration.ofSeconds(10)), run.output());
                List<String> out = run.stdout();
                assertEquals("detached from run " + runId + ", which goes on at the node at " + url
                        + "; follow it again with: resume " + runId + " --node " + url, out.get(out.size() - 1), run.output());
            }

            NodeProcess again = NodeProcess.run(dir, "resume", runId, "--node", url);

            assertEquals(0, again.exitCode(Duration.ofSeconds(1)), again.output());
            assertTrue(again.stdout().stream().anyMatch(l -> l.startsWith("run " + runId + " SUCCEEDED: ")),
                    again.output());
        }
    }

    @Test
    void aNodeThatDiesMidRunIsOneLineAndExitCode1() {
        Path script = Scenario.calculator(dir, 300);
        try (NodeProcess serve = NodeProcess.start(dir, "serve", "--data-dir", "data", "--port", "0")) {
            address(serve);
            try (NodeProcess run = NodeProcess.start(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                    "Write a calculator")) {
                assertDiesWithOneLine(serve, run);
            }
        }
    }

    private static void assertDiesWithOneLine(NodeProcess serve, NodeProcess run) {
        String runId = Scenario.runId(run);
        run.awaitLines(Scenario::isEffect, 1, Duration.ofSeconds(60));
        serve.kill();

        assertEquals(1, run.exitCode(Duration.ofSeconds(60)), run.output());
        assertEquals(1, run.stderr().size(), run.output());
        assertTrue(run.stderr().get(0).startsWith("error: lost the node at "), run.output());
        assertTrue(run.stderr().get(0).endsWith("; continue the run with: resume " + runId + " --data-dir data"),
                run.output());
    }
}
