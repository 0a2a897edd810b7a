package dev.softwarefactory.llmgateway.gateway;

import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.FAST_RETRY;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.backend;
import static dev.softwarefactory.llmgateway.gateway.GatewayHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes of one cluster, each with its own gateway: one backend's limit is counted once for both. */
class ClusterWideLimitTest {
    private static ActorTestKit first;
    private static ActorTestKit second;

    @BeforeAll
    static void formCluster() {
        first = node();
        second = node();
        Cluster.get(first.system()).manager().tell(Join.create(Cluster.get(first.system()).selfMember().address()));
        Cluster.get(second.system()).manager().tell(Join.create(Cluster.get(first.system()).selfMember().address()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Cluster.get(first.system()).state().members().size() < 2
                || Stream.of(first, second).anyMatch(kit -> Cluster.get(kit.system()).selfMember().status()
                        != MemberStatus.up())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the two test nodes did not form a cluster");
            }
            Thread.onSpinWait();
        }
    }

    @AfterAll
    static void stop() {
        second.shutdownTestKit();
        first.shutdownTestKit();
    }

    private static ActorTestKit node() {
        return ActorTestKit.create("cluster-limit", ConfigFactory.parseString("""
                akka.actor.provider = cluster
                akka.remote.artery.canonical.hostname = 127.0.0.1
                akka.remote.artery.canonical.port = 0
                akka.cluster.jmx.multi-mbeans-in-same-jvm = on
                akka.loglevel = WARNING
                """).withFallback(ConfigFactory.load()));
    }

    @Test
    void twoNodesTogetherNeverExceedTheBackendsConcurrencyLimit() {
        // The server refuses a third request in flight with 429: neither node may send one while the other has two.
        SimLlmServer server = SimLlmServer.start(first.system(), SimSettings.defaults(0).withLatencyMs(100)
                .withMaxConcurrency(2)).toCompletableFuture().join();
        GatewaySettings settings = GatewaySettings.of(List.of(backend("shared", server, 2))).withRetry(FAST_RETRY);
        Gateway onFirst = Gateway.start(first.system(), settings, "SharedBackend");
        Gateway onSecond = Gateway.start(second.system(), settings, "SharedBackend");
        try {
            List<CompletableFuture<LlmReply>> replies = IntStream.range(0, 16)
                    .mapToObj(i -> (i % 2 == 0 ? onFirst : onSecond).complete(request("run-" + i, "Engineer"))
                            .toCompletableFuture())
                    .toList();
            replies.forEach(CompletableFuture::join);

            assertEquals(0, server.requests().overConcurrency(), "429s for exceeding the server's limit");
            assertEquals(16, server.requests().count(), "every request sent once");
        } finally {
            onFirst.close();
            onSecond.close();
            server.stop().toCompletableFuture().join();
        }
    }
}
