package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.llmgateway.sim.RequestLog;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend's limits hold for the whole cluster: three nodes send to one sim-llm at once, and the sim
 * sees no minute with more requests than the backend's rpm and no moment with more in flight than its
 * max-concurrency. Three limits of a node each would send three times as many.
 */
class ClusterGatewayLimitTest {
    private static final int RPM = 120;
    private static final int MAX_CONCURRENCY = 2;
    /**
     * With two in flight at this latency the backend can take just the rpm (one request every half
     * second): both limits are at their edge, and a limit counted per node would break both.
     */
    private static final long LATENCY_MS = 1000;
    /** More than a minute's worth, so that the rpm must hold over a full minute. */
    private static final int REQUESTS_PER_NODE = 44;

    @TempDir
    static Path dir;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        // The sim refuses (and counts) any request beyond MAX_CONCURRENCY in flight.
        cluster = TestCluster.ofThree(dir, SimSettings.defaults(0).withLatencyMs(LATENCY_MS)
                .withMaxConcurrency(MAX_CONCURRENCY), "software-factory.llm.backends.sim { max-concurrency = "
                + MAX_CONCURRENCY + ", rpm = " + RPM + " }\n");
    }

    @AfterAll
    static void stopCluster() {
        TestCluster.close(cluster);
    }

    @Test
    void noMinuteAndNoMomentAtTheModelServerExceedsTheBackendsLimits() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_NODE; i++) {
            for (ClusterNode node : cluster.nodes()) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(node.url() + "/v1/chat/completions"))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(4))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"default\", \"messages\": [{\"role\":"
                                + " \"user\", \"content\": \"question " + i + " to node " + node.name + "\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(4, TimeUnit.MINUTES);
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(200, answer.join().statusCode(), answer.join().body());
        }

        RequestLog sim = cluster.sim().requests();
        int busiestMinute = sim.busiestWindow(TimeUnit.SECONDS.toNanos(60));
        List<Long> arrivals = sim.arrivalNanos();
        double spanSeconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
        System.out.printf("cluster gateway limit: %d requests from 3 nodes over %.1f s; busiest minute at the sim %d"
                + " (rpm %d), refused for concurrency over %d: %d%n", sim.count(), spanSeconds, busiestMinute, RPM,
                MAX_CONCURRENCY, sim.overConcurrency());
        assertEquals(answers.size(), sim.count(), "one request at the sim per request sent, none retried");
        assertTrue(busiestMinute <= RPM, "a minute at the sim had " + busiestMinute + " requests; the rpm is " + RPM);
        assertEquals(0, sim.overConcurrency(), "requests beyond max-concurrency " + MAX_CONCURRENCY + " in flight");
    }
}
