package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What /metrics tells of a node's model gateway once a run has called a model server. */
class NodeMetricsTest {
    private static ActorTestKit simSystem;
    private static TestNode node;

    @BeforeAll
    static void startSimAndNode() throws Exception {
        simSystem = ActorTestKit.create("sim");
        SimLlmServer sim = SimLlmServer.start(simSystem.system(), SimSettings.defaults(0)).toCompletableFuture().get();
        node = TestNode.start(Files.createTempDirectory("node-metrics").resolve("data"), Optional.empty(),
                "openai:sim@" + sim.baseUrl());
        String runId = node.start("Write a calculator", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("sf_model_calls_total") + count("sf_model_call_failures_total") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        node.post("/api/runs/" + runId + "/cancel", null);
    }

    @AfterAll
    static void stop() {
        node.close();
        simSystem.shutdownTestKit();
    }

    /** The sum of a metric's samples over all its tags; 0 when it has none. */
    private static double count(String metric) {
        return node.get("/metrics").body().lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void theGatewaysQueueTimeIsMeasuredForEveryCall() {
        double calls = count("sf_model_calls_total") + count("sf_model_call_failures_total");
        assertTrue(calls > 0, "no model call was made");
        assertTrue(count("sf_gateway_queue_time_seconds_count") >= calls,
                count("sf_gateway_queue_time_seconds_count") + " queue times for " + calls + " calls");
    }
}
