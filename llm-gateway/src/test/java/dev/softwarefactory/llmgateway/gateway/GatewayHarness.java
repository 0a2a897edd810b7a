package dev.softwarefactory.llmgateway.gateway;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorSystem;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.LlmFailure;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/** Test helpers: a one-node cluster, simulators on real HTTP ports, and gateways in front of them. */
public final class GatewayHarness {
    public static final RetrySettings FAST_RETRY = new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(50), 100,
            Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10), 0.25);
    private final ActorTestKit kit;
    private final List<SimLlmServer> servers = new ArrayList<>();
    private final List<Gateway> gateways = new ArrayList<>();

    public GatewayHarness() {
        kit = ActorTestKit.create("gateway-test", ConfigFactory.parseString("""
                akka.actor.provider = cluster
                akka.remote.artery.canonical.hostname = 127.0.0.1
                akka.remote.artery.canonical.port = 0
                akka.cluster.jmx.multi-mbeans-in-same-jvm = on
                akka.loglevel = WARNING
                """).withFallback(ConfigFactory.load()));
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        kit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
            if (cluster.selfMember().status() != MemberStatus.up()) {
                throw new AssertionError("test node did not join itself");
            }
            return null;
        });
    }

    public SimLlmServer sim(SimSettings settings) {
        SimLlmServer server = SimLlmServer.start(kit.system(), settings).toCompletableFuture().join();
        servers.add(server);
        return server;
    }

    static BackendSettings backend(String name, SimLlmServer server, int maxConcurrency) {
        return BackendSettings.of(name, BackendKind.OPENAI, server.baseUrl(), Optional.empty(), "sim",
                maxConcurrency);
    }

    public Gateway gateway(GatewaySettings settings) {
        Gateway gateway = Gateway.start(kit.system(), settings, "LlmBackend-" + UUID.randomUUID());
        gateways.add(gateway);
        return gateway;
    }

    Gateway gateway(List<BackendSettings> backends, RetrySettings retry) {
        return gateway(GatewaySettings.of(backends).withRetry(retry));
    }

    static LlmRequest request(String run, String role) {
        return new LlmRequest(run, role, "WritePrd", null, 1, role, List.of(ChatMessage.user("Write a calculator")));
    }

    static LlmReply call(Gateway gateway, LlmRequest request) {
        return gateway.complete(request).toCompletableFuture().join();
    }

    /** The failure a request ends with; the test fails if it succeeds. */
    static LlmFailure failure(Gateway gateway, LlmRequest request) {
        try {
            LlmReply reply = call(gateway, request);
            throw new AssertionError("expected a failure, got a reply from " + reply.backend());
        } catch (CompletionException e) {
            if (e.getCause() instanceof LlmFailure failure) {
                return failure;
            }
            throw e;
        }
    }

    static Map<String, Integer> countByBackend(List<LlmReply> replies) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        replies.forEach(r -> counts.merge(r.backend(), 1, Integer::sum));
        return counts;
    }

    public ActorSystem<Void> system() {
        return kit.system();
    }

    public void close() {
        gateways.forEach(Gateway::close);
        servers.forEach(s -> s.stop().toCompletableFuture().join());
        kit.shutdownTestKit();
    }
}
