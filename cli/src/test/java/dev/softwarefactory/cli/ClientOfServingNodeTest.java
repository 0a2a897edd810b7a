package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading commands as clients of the node that serves their data dir (found through its lock
 * file, or named with --node): the same output as read from the data dir itself, and one line with
 * the right exit code for a node that is not there or a wrong token.
 */
class ClientOfServingNodeTest {
    private static final String TOKEN = "a-test-token";
    private static final Map<String, String> WITH_TOKEN = Map.of("SF_API_TOKEN", TOKEN);
    @TempDir
    static Path dir;
    static String runId;
    static NodeProcess serve;
    static String url;
    static Map<List<String>, NodeProcess> local = new java.util.HashMap<>();

    private static final List<String> RUNS = List.of("runs");
    private static final List<String> TIMELINE = List.of("replay", "RUN");
    private static final List<String> FILTERED = List.of("replay", "RUN", "--role", "Engineer", "--json");
    private static final List<String> SHOW = List.of("replay", "RUN", "--show", "5");
    private static final List<String> EXPORT = List.of("export-dataset", "RUN", "--out", "calls.jsonl");

    /** One recorded run, read from the data dir before a node serves it; then a node serves it, with a token. */
    @BeforeAll
    static void recordARunThenServeItsDataDir() {
        NodeProcess run = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm",
                "scripted:" + Scenario.calculator(dir, 0), "Write a calculator");
        assertEquals(0, run.exitCode(Duration.ofSeconds(1)), run.output());
        runId = Scenario.runId(run);
        for (List<String> command : List.of(RUNS, TIMELINE, FILTERED, SHOW)) {
            local.put(command, NodeProcess.run(dir, args(command, "--data-dir", "data")));
        }
        NodeProcess export = NodeProcess.run(dir, args(EXPORT, "--data-dir", "data"));
        assertEquals(0, export.exitCode(Duration.ofSeconds(1)), export.output());
        serve = NodeProcess.start(dir, WITH_TOKEN, "serve", "--data-dir", "data", "--port", "0");
        url = serve.awaitLines(l -> l.startsWith("serving "), 1, Duration.ofSeconds(90)).get(0).split(" ")[1];
    }

    @AfterAll
    static void stopTheNode() {
        if (serve != null) {
            serve.close();
        }
    }

    private static String[] args(List<String> command, String... more) {
        List<String> args = new java.util.ArrayList<>(command.stream().map(a -> a.equals("RUN") ? runId : a).toList());
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static void assertSameAsLocal(List<String> command, NodeProcess through) {
        NodeProcess alone = local.get(command);
        assertEquals(0, alone.exitCode(Duration.ofSeconds(1)), alone.output());
        assertEquals(0, through.exitCode(Duration.ofSeconds(1)), through.output());
        assertEquals(alone.stdout(), through.stdout());
        assertTrue(through.stdout().size() > 1, through.output());
    }

    @Test
    void runsOnADataDirANodeServesListsTheRunsThroughItAsFromTheDataDir() {
        assertSameAsLocal(RUNS, NodeProcess.run(dir, WITH_TOKEN, args(RUNS, "--data-dir", "data")));
    }

    @Test
    void replayThroughANodePrintsTheTimelineAsFromTheDataDir() {
        assertSameAsLocal(TIMELINE, NodeProcess.run(dir, WITH_TOKEN, args(TIMELINE, "--data-dir", "data")));
    }

    @Test
    void replayWithFiltersAndJsonThroughNodeOptionPrintsAsFromTheDataDir() {
        assertSameAsLocal(FILTERED, NodeProcess.run(dir, WITH_TOKEN, args(FILTERED, "--node", url)));
    }

    @Test
    void replayShowThroughANodePrintsTheStepInFullAsFromTheDataDir() {
        assertSameAsLocal(SHOW, NodeProcess.run(dir, WITH_TOKEN, args(SHOW, "--node", url)));
    }

    @Test
    void exportDatasetThroughANodeWritesTheLinesItWritesFromTheDataDir() throws IOException {
        NodeProcess export = NodeProcess.run(dir, WITH_TOKEN, "export-dataset", runId, "--out", "through.jsonl",
                "--data-dir", "data");

        assertEquals(0, export.exitCode(Duration.ofSeconds(1)), export.output());
        List<String> lines = Files.readAllLines(dir.resolve("through.jsonl"));
        List<String> want = Files.readAllLines(dir.resolve("calls.jsonl"));
        assertEquals(want.size(), lines.size(), export.output());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), lines.get(i), "line " + (i + 1));
        }
        assertTrue(lines.size() > 3, export.output());
    }

    @Test
    void aNodeThatIsNotThereIsOneLineAndExitCode1() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        NodeProcess runs = NodeProcess.run(dir, "runs", "--node", "http://127.0.0.1:" + port);

        assertEquals(1, runs.exitCode(Duration.ofSeconds(1)), runs.output());
        assertEquals(List.of("error: no node answers at http://127.0.0.1:" + port + " (connection refused)"),
                runs.stderr());
    }

    @Test
    void aWrongTokenIsOneLineAndExitCode2() {
        NodeProcess replay = NodeProcess.run(dir, Map.of("SF_API_TOKEN", "wrong"), "replay", runId, "--node", url);

        assertEquals(2, replay.exitCode(Duration.ofSeconds(1)), replay.output());
        assertEquals(List.of("error: the bearer token is wrong (the node at " + url + " needs its token in"
                + " SF_API_TOKEN)"), replay.stderr());
    }

    @Test
    void noTokenForANodeThatNeedsOneIsOneLineAndExitCode2() {
        NodeProcess runs = NodeProcess.run(dir, Map.of("SF_API_TOKEN", ""), "runs", "--data-dir", "data");

        assertEquals(2, runs.exitCode(Duration.ofSeconds(1)), runs.output());
        assertEquals(1, runs.stderr().size(), runs.output());
        assertTrue(runs.stderr().get(0).startsWith("error: this node needs Authorization: Bearer TOKEN"),
                runs.output());
    }

    @Test
    void anUnknownRunThroughANodeIsOneLineAndExitCode2() {
        NodeProcess replay = NodeProcess.run(dir, WITH_TOKEN, "replay", "no-such-run", "--node", url);

        assertEquals(2, replay.exitCode(Duration.ofSeconds(1)), replay.output());
        assertEquals(1, replay.stderr().size(), replay.output());
        assertTrue(replay.stderr().get(0).startsWith("error: no run no-such-run"), replay.output());
    }
}
