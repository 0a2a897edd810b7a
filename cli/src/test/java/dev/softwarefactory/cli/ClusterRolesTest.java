package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node roles place work: the model calls on the gateway node, the Companies and most roles on worker
 * nodes, QA on a node of its own that brings each workspace up to date from the journal before it
 * tests. A worker that joins mid-way takes a share of the new runs.
 */
class ClusterRolesTest {
    private static final long LATENCY_MS = 300;
    private static final Duration RUNS_WAIT = Duration.ofMinutes(4);
    /** The Engineer's files of the calculator script. */
    private static final List<String> ENGINEER_FILES = List.of("calc.py");

    @TempDir
    static Path dir;
    private static TestCluster cluster;
    private static ClusterNode gateway;
    private static ClusterNode worker;
    private static ClusterNode qa;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.create(dir, SimSettings.defaults(0).withLatencyMs(LATENCY_MS),
                "software-factory.role-placement { QaEngineer = qa }\n");
        gateway = cluster.start("gateway", "gateway", "worker");
        worker = cluster.start("worker", "worker");
        qa = cluster.start("qa", "qa");
        cluster.awaitReady(gateway, worker, qa);
    }

    @AfterAll
    static void stopCluster() {
        TestCluster.close(cluster);
    }

    @Test
    void qaTestsOnItsOwnNodeTheFilesTheEngineerWroteOnAnother() {
        Map<String, String> singleNode = Scenario.files(Scenario.singleNodeWorkspace(dir, "Write a calculator"));
        List<String> runs = List.of(qa.startRun("Write a calculator"), worker.startRun("Write a calculator"));
        RunWatch.awaitEnd(gateway, runs, RUNS_WAIT);
        for (String run : runs) {
            JsonNode detail = gateway.get("/api/runs/" + run);
            assertEquals("SUCCEEDED", detail.get("run").get("status").asText(), detail.toString());
            assertTrue(detail.get("testResult").asText().startsWith("PASSED"), detail.toString());
            assertEquals(singleNode, gateway.journalFiles(run, dir.resolve("unpacked")),
                    "run " + run + " made the single node's project with its roles on three nodes");
            Path tested = qa.dataDir.resolve("workspace").resolve(run);
            for (String file : ENGINEER_FILES) {
                Path written = writer(run, file);
                assertTrue(Files.isRegularFile(tested.resolve(file)),
                        "node qa rebuilt " + file + " of run " + run + " before it tested");
                assertArrayEquals(read(written), read(tested.resolve(file)),
                        "node qa's " + file + " of run " + run + " is the writing node's, byte for byte");
            }
        }
    }

    @Test
    void aWorkerThatJoinsMidwayTakesAShareOfTheNewRuns() {
        List<String> before = List.of(gateway.startRun("Write a calculator"), worker.startRun("Write a calculator"));
        ClusterNode late = cluster.start("late", "worker");
        cluster.awaitReady(late);
        // Ready means joined; its shard regions register with the coordinators a moment later, and runs
        // placed before that go to the others: a second batch, if need be, comes after the first ended.
        List<String> after = new ArrayList<>();
        List<String> placedOnLate = List.of();
        for (int batch = 0; batch < 2 && placedOnLate.isEmpty(); batch++) {
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // Through another node: where a run is submitted says nothing about where it runs.
                runs.add(gateway.startRun("Write a calculator"));
            }
            RunWatch.awaitEnd(late, batch == 0 ? Stream.concat(before.stream(), runs.stream()).toList() : runs,
                    RUNS_WAIT).forEach((run, item) ->
                            assertEquals("SUCCEEDED", item.get("status").asText(), run + ": " + item));
            after.addAll(runs);
            // A role writes its files into the workspace of the node it runs on.
            placedOnLate = after.stream().filter(run -> hasFiles(late.dataDir.resolve("workspace").resolve(run)))
                    .toList();
        }
        assertFalse(placedOnLate.isEmpty(), "no role of the new runs " + after + " ran on the node that joined");
        System.out.printf("cluster roles: %d of %d runs started after a worker joined ran roles on it%n",
                placedOnLate.size(), after.size());
    }

    /** The copy of a file on the worker node whose role wrote it (QA's node runs no Engineer). */
    private static Path writer(String run, String file) {
        for (ClusterNode node : List.of(gateway, worker)) {
            Path copy = node.dataDir.resolve("workspace").resolve(run).resolve(file);
            if (Files.isRegularFile(copy)) {
                return copy;
            }
        }
        throw new AssertionError("no worker node has " + file + " of run " + run);
    }

    private static boolean hasFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
