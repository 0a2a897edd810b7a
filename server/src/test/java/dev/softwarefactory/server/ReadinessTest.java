package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /readyz: ready once the node has joined and a node that runs runs (a worker, where nodes have roles) is up. */
class ReadinessTest {
    private static final Duration JOIN_WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<ActorSystem<?>> systems = new ArrayList<>();
    private final Map<ActorSystem<?>, String> urls = new HashMap<>();

    @AfterEach
    void stopSystems() {
        systems.forEach(ActorSystem::terminate);
        systems.forEach(system -> system.getWhenTerminated().toCompletableFuture().join());
    }

    @Test
    void aNodeThatHasNotJoinedIsNotReady() throws Exception {
        ActorSystem<?> node = node(List.of());
        JsonNode answer = readyz(node, 503);
        assertEquals("the node has not joined its cluster yet", answer.get("error").get("message").asText(), answer.toString());
    }

    @Test
    void aNodeWithoutRolesIsReadyOnceItHasJoined() throws Exception {
        ActorSystem<?> node = node(List.of());
        join(node, node);
        assertEquals("ready", readyz(node, 200).get("status").asText());
    }

    @Test
    void aGatewayNodeIsReadyOnlyOnceAWorkerNodeIsUp() throws Exception {
        ActorSystem<?> gateway = node(List.of("gateway"));
        join(gateway, gateway);
        JsonNode answer = readyz(gateway, 503);
        assertEquals("no node with the worker role is up in the cluster yet", answer.get("error").get("message").asText(),
                answer.toString());
        ActorSystem<?> worker = node(List.of("worker"));
        join(worker, gateway);
        await(() -> upMembers(gateway) == 2, "the worker is up as the gateway node sees it");
        assertEquals("ready", readyz(gateway, 200).get("status").asText());
    }

    private ActorSystem<?> node(List<String> roles) {
        ActorSystem<?> system = ActorSystem.create(Behaviors.empty(), "readiness", ConfigFactory.parseString(
                "akka.actor.provider = cluster\n"
                        + "akka.remote.artery.canonical { hostname = 127.0.0.1, port = 0 }\n"
                        + "akka.cluster.jmx.multi-mbeans-in-same-jvm = on\n"
                        + "akka.cluster.roles = [" + String.join(",", roles) + "]")
                .withFallback(ConfigFactory.load()));
        systems.add(system);
        return system;
    }

    private static long upMembers(ActorSystem<?> system) {
        long up = 0;
        for (var member : Cluster.get(system).state().getMembers()) {
            if (member.status() == MemberStatus.up()) {
                up++;
            }
        }
        return up;
    }

    private static void join(ActorSystem<?> node, ActorSystem<?> seed) throws InterruptedException {
        Cluster.get(node).manager().tell(Join.create(Cluster.get(seed).selfMember().address()));
        await(() -> Cluster.get(node).selfMember().status() == MemberStatus.up(), "the node is up");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + JOIN_WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    private JsonNode readyz(ActorSystem<?> system, int expectedStatus) throws Exception {
        String url = urls.computeIfAbsent(system, s -> ApiServer.url(ApiServer.bind(s,
                new HealthRoutes(s, new ApiJson(s)).readiness(), "127.0.0.1", 0)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/readyz")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return TestNode.JSON.readTree(response.body());
    }
}
