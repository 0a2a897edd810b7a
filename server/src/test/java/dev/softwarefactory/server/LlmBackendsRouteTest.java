package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/llm/backends over real HTTP: the backends of a node whose model is a server, as their actors count them. */
class LlmBackendsRouteTest {
    private static ActorTestKit simSystem;
    private static TestNode node;
    private static TestNode scripted;

    @BeforeAll
    static void startSimAndNodes() throws Exception {
        simSystem = ActorTestKit.create("sim");
        SimLlmServer sim = SimLlmServer.start(simSystem.system(), SimSettings.defaults(0)).toCompletableFuture().get();
        Path dir = Files.createTempDirectory("llm-backends");
        node = TestNode.start(dir.resolve("served"), Optional.empty(), "openai:sim@" + sim.baseUrl());
        scripted = TestNode.start(dir.resolve("scripted"), Optional.empty(), TestNode.slowCalculator(dir, 0));
    }

    @AfterAll
    static void stop() {
        node.close();
        scripted.close();
        simSystem.shutdownTestKit();
    }

    @Test
    void aNodeOnAModelServerListsItsBackendWithItsModelAndCounts() throws IOException {
        JsonNode backends = TestNode.json(node.get("/api/llm/backends")).get("backends");
        assertEquals(1, backends.size(), backends.toString());
        JsonNode backend = backends.get(0);
        assertTrue(backend.get("models").toString().contains("sim"), backend.toString());
        assertEquals(0, backend.get("inFlight").asInt(), backend.toString());
        assertEquals(0, backend.get("calls").asLong(), backend.toString());
        assertTrue(backend.has("maxConcurrency") && backend.has("rpm") && backend.has("coolingUntil"), backend.toString());
    }

    @Test
    void aNodeOnAScriptHasNoBackends() {
        JsonNode backends = TestNode.json(scripted.get("/api/llm/backends")).get("backends");
        assertEquals(0, backends.size(), backends.toString());
    }
}
