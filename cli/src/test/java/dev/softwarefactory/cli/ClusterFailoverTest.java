package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.softwarefactory.llmgateway.sim.RequestLog;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on one PostgreSQL journal run ten runs; one node is SIGKILLed while they are mid-way.
 * The runs finish on the other two, nothing recorded is recorded or paid for again, and every
 * project equals the one a single node makes.
 */
class ClusterFailoverTest {
    private static final int RUNS = 10;
    private static final long LATENCY_MS = 800;
    /** Steps every run has made before the kill: past its first model calls, far from its end. */
    private static final int MIDWAY_STEPS = 12;
    private static final Duration RUNS_WAIT = Duration.ofMinutes(4);
    private static final String REQUIREMENT = "Write a calculator";

    @TempDir
    static Path dir;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.ofThree(dir, SimSettings.defaults(0).withLatencyMs(LATENCY_MS), "");
    }

    @AfterAll
    static void stopCluster() {
        TestCluster.close(cluster);
    }

    @Test
    void runsFinishOnTheOtherNodesWhenOneIsKilledMidwayWithoutRepeatingARecordedEffect() {
        Path singleNode = Scenario.singleNodeWorkspace(dir, REQUIREMENT);
        List<ClusterNode> nodes = cluster.nodes();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(nodes.get(i % nodes.size()).startRun(REQUIREMENT));
        }
        Map<String, Long> stepsAtKill = awaitMidway(nodes.get(0), runs);
        ClusterNode victim = busiest(nodes, runs);
        long killedAt = System.nanoTime();
        victim.kill();
        List<ClusterNode> survivors = nodes.stream().filter(n -> n != victim).toList();
        double movingAgainSeconds = awaitProgress(survivors.get(0), stepsAtKill) / 1e9;
        Map<String, JsonNode> ended = RunWatch.awaitEnd(survivors.get(0), runs, RUNS_WAIT);
        double endedSeconds = (System.nanoTime() - killedAt) / 1e9;

        ended.forEach((run, item) -> assertEquals("SUCCEEDED", item.get("status").asText(), run + ": " + item));
        List<JournalEffects.Effect> effects = JournalEffects.read(cluster.database().journal());
        assertNoEffectRecordedTwice(effects);
        int repeated = assertNoCallForARecordedEffect(effects, cluster.sim().requests());
        Map<String, String> singleNodeFiles = Scenario.files(singleNode);
        for (String run : runs) {
            assertEquals(singleNodeFiles, survivors.get(1).journalFiles(run, dir.resolve("unpacked")),
                    "run " + run + "'s files as the journal has them");
            for (ClusterNode node : survivors) {
                assertOnlySingleNodeFiles(singleNodeFiles, node, run);
            }
        }
        System.out.printf("cluster failover: node %s killed with %d of %d runs mid-way; all moving again after %.1f s,"
                + " all ended %.1f s after the kill; %d model calls at the sim for %d effects (%d repeated, none of"
                + " a recorded effect)%n", victim.name, stepsAtKill.size(), RUNS, movingAgainSeconds, endedSeconds,
                cluster.sim().requests().received().size(), JournalEffects.llmRecordedAt(effects).size(), repeated);
    }

    /**
     * A node's folder of a run holds the files its roles wrote or brought up to date before a command,
     * so it may lack some (e.g. the README another node wrote last), but each file it has is the single
     * node's, byte for byte.
     */
    private static void assertOnlySingleNodeFiles(Map<String, String> singleNode, ClusterNode node, String run) {
        Path folder = node.dataDir.resolve("workspace").resolve(run);
        if (Files.isDirectory(folder)) {
            Scenario.files(folder).forEach((path, content) -> assertEquals(singleNode.get(path), content,
                    "node " + node.name + "'s " + path + " of run " + run));
        }
    }

    private static Map<String, Long> awaitMidway(ClusterNode node, List<String> runs) {
        long deadline = System.nanoTime() + RUNS_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> steps = new LinkedHashMap<>();
            for (String run : runs) {
                JsonNode detail = node.get("/api/runs/" + run);
                if (!detail.get("run").get("status").asText().equals("RUNNING")) {
                    throw new AssertionError("run " + run + " ended before the kill; raise the model latency: " + detail);
                }
                steps.put(run, detail.get("steps").asLong());
            }
            if (steps.values().stream().allMatch(n -> n >= MIDWAY_STEPS)) {
                return steps;
            }
            ClusterNode.pause(300);
        }
        throw node.failure("did not see the runs reach " + MIDWAY_STEPS + " steps within " + RUNS_WAIT);
    }

    /** The node whose data dir holds the most of the runs' workspaces: the one whose loss costs most. */
    private static ClusterNode busiest(List<ClusterNode> nodes, List<String> runs) {
        ClusterNode busiest = nodes.get(0);
        long most = -1;
        for (ClusterNode node : nodes) {
            long held = runs.stream().filter(run -> Files.isDirectory(node.dataDir.resolve("workspace").resolve(run)))
                    .count();
            if (held > most) {
                most = held;
                busiest = node;
            }
        }
        return busiest;
    }

    /** Nanoseconds until every run has made a step since {@code before} (or ended). */
    private static long awaitProgress(ClusterNode node, Map<String, Long> before) {
        long start = System.nanoTime();
        Map<String, Long> waiting = new HashMap<>(before);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() - start > RUNS_WAIT.toNanos()) {
                throw node.failure("still waits for runs " + waiting.keySet() + " to move again after the kill");
            }
            waiting.entrySet().removeIf(e -> {
                JsonNode detail = node.get("/api/runs/" + e.getKey());
                return detail.get("steps").asLong() > e.getValue()
                        || !detail.get("run").get("status").asText().equals("RUNNING");
            });
            ClusterNode.pause(250);
        }
        return System.nanoTime() - start;
    }

    private static void assertNoEffectRecordedTwice(List<JournalEffects.Effect> effects) {
        Map<String, Long> counts = effects.stream().collect(Collectors.groupingBy(
                e -> e.persistenceId() + " invocation " + e.invocation() + " " + e.key(), Collectors.counting()));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(twice.isEmpty(), "effects recorded more than once: " + twice);
    }

    /** Returns how many calls the sim got for a key it had been called for already (none recorded by then). */
    private static int assertNoCallForARecordedEffect(List<JournalEffects.Effect> effects, RequestLog requests) {
        Map<String, Long> recordedAt = JournalEffects.llmRecordedAt(effects);
        Map<String, Integer> calls = new HashMap<>();
        List<String> late = new ArrayList<>();
        for (RequestLog.Received request : requests.received()) {
            calls.merge(request.callKey(), 1, Integer::sum);
            Long recorded = recordedAt.get(request.callKey());
            if (recorded != null && request.epochMillis() > recorded) {
                late.add(request.callKey() + " called at " + request.epochMillis() + ", recorded at " + recorded);
            }
        }
        assertTrue(late.isEmpty(), "the model was called for effects already recorded: " + late);
        assertTrue(recordedAt.keySet().stream().allMatch(calls::containsKey),
                "every recorded call reached the sim under its key: " + recordedAt.keySet());
        return calls.values().stream().mapToInt(n -> n - 1).sum();
    }
}
