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

    /**
     * The lines after the first with what differs between two runs of one script masked (run ids, paths,
     * addresses, times), sorted: roles that work at once journal their events in either order, which
     * also numbers a source run's steps differently.
     */
    private static List<String> masked(NodeProcess command) {
        return command.stdout().stream().skip(1).map(l -> l.replaceAll("\\d{8}-\\d{6}-[0-9a-f]+", "RUN")
                .replaceAll("\\d+ ms", "N ms").replaceAll("duration [\\d.]+ s", "duration N s")
                .replaceAll("^(workspace|node) .*", "$1 ...").replaceAll("  /\\S+$", "  PATH")
                .replaceAll("served from step \\d+", "served from step N")).sorted().toList();
    }

    private static void assertSameOutput(NodeProcess alone, NodeProcess through) {
        assertEquals(alone.exitCode(Duration.ofSeconds(1)), through.exitCode(Duration.ofSeconds(1)),
                alone.output() + "\n=== through the node ===\n" + through.output());
        assertEquals(masked(alone), masked(through));
    }

    @Test
    void forkAndRerunThroughAServingNodePrintWhatTheyPrintWithout() {
        Path script = Scenario.calculator(dir, 0);
        String alone = Scenario.runId(NodeProcess.run(dir, "run", "--data-dir", "alone", "--llm",
                "scripted:" + script, "Write a calculator"));
        NodeProcess forkAlone = NodeProcess.run(dir, "fork", alone, "--at", "6", "--data-dir", "alone");
        NodeProcess rerunAlone = NodeProcess.run(dir, "replay", alone, "--rerun", "--data-dir", "alone");
        try (NodeProcess serve = NodeProcess.start(dir, "serve", "--data-dir", "data", "--port", "0")) {
            String url = address(serve);
            String through = Scenario.runId(NodeProcess.run(dir, "run", "--data-dir", "data", "--llm",
                    "scripted:" + script, "Write a calculator"));

            NodeProcess fork = NodeProcess.run(dir, "fork", through, "--at", "6", "--node", url);
            NodeProcess rerun = NodeProcess.run(dir, "replay", through, "--rerun", "--data-dir", "data");

            assertSameOutput(forkAlone, fork);
            assertSameOutput(rerunAlone, rerun);
            assertEquals(0, rerun.exitCode(Duration.ofSeconds(1)), rerun.output());
        }
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
            assertSameOutput(alone, through);
            assertEquals(0, through.exitCode(Duration.ofSeconds(1)), through.output());
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
