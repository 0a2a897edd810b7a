package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.llmgateway.sim.RequestLog;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that joins while runs are under way (as a restarted node rejoins after a kill) must not
 * stop them: sharding would rebalance shards onto it, stopping roles and call keepers in the middle
 * of their work, and nothing would start them again, so runs stood still or paid a call twice.
 */
class ClusterJoinMidRunTest {
    private static final int RUNS = 10;
    /** Slow enough that the runs are still under way once the third JVM has joined. */
    private static final long LATENCY_MS = 2000;
    private static final Duration RUNS_WAIT = Duration.ofMinutes(5);

    @TempDir
    static Path dir;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.create(dir, SimSettings.defaults(0).withLatencyMs(LATENCY_MS), "");
        cluster.awaitReady(cluster.start("a"), cluster.start("b"));
    }

    @AfterAll
    static void stopCluster() {
        TestCluster.close(cluster);
    }

    @Test
    void runsUnderWayWhenANodeJoinsAllFinishWithoutPayingACallTwice() {
        List<ClusterNode> first = cluster.nodes();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(first.get(i % first.size()).startRun("Write a calculator"));
        }
        ClusterNode late = cluster.start("c");
        cluster.awaitReady(late);
        long runningAtJoin = runs.stream()
                .filter(run -> first.get(0).get("/api/runs/" + run).get("run").get("status").asText().equals("RUNNING"))
                .count();
        assertTrue(runningAtJoin > 0, "every run ended before the node joined; raise the model latency");

        RunWatch.awaitEnd(late, runs, RUNS_WAIT).forEach((run, item) ->
                assertEquals("SUCCEEDED", item.get("status").asText(), run + ": " + item));
        Map<String, Long> calls = cluster.sim().requests().received().stream()
                .collect(Collectors.groupingBy(RequestLog.Received::callKey, Collectors.counting()));
        List<String> twice = calls.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(twice.isEmpty(), "model calls made more than once: " + twice);
        System.out.printf("join mid-run: %d of %d runs under way when node c joined; all succeeded, %d model calls,"
                + " none repeated%n", runningAtJoin, RUNS, calls.values().stream().mapToLong(Long::longValue).sum());
    }
}
