package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With node roles, a run started on a worker with a model server of its own (a spec no gateway node
 * had opened) has its model calls made on the gateway node, which opens that spec when told, instead
 * of waiting for ever for a gateway that never started.
 */
class ClusterModelSpecTest {
    private static final Duration RUN_WAIT = Duration.ofMinutes(3);

    @TempDir
    static Path dir;
    private static TestCluster cluster;
    private static ClusterNode gateway;
    private static ClusterNode worker;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.create(dir, SimSettings.defaults(0).withLatencyMs(100), "");
        gateway = cluster.start("gateway", "gateway");
        worker = cluster.start("worker", "worker");
        cluster.awaitReady(gateway, worker);
    }

    @AfterAll
    static void stopCluster() {
        TestCluster.close(cluster);
    }

    @Test
    void aRunWithAModelServerOnlyItsWorkerOpenedHasItsCallsMadeOnTheGatewayNode() {
        String run = worker.startRun("Write a calculator", "openai:sim@" + cluster.sim().baseUrl());

        JsonNode item = RunWatch.awaitEnd(gateway, List.of(run), RUN_WAIT).get(run);

        assertEquals("SUCCEEDED", item.get("status").asText(), item.toString());
        assertTrue(cluster.sim().requests().received().stream().anyMatch(r -> r.callKey().contains(run)),
                "the run's calls reached the model server");
    }
}
