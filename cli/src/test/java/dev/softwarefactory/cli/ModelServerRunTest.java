package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptFile;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against a model server over real HTTP (sim-llm in this JVM), configured the ways a user would. */
class ModelServerRunTest {
    private static ActorTestKit kit;
    private SimLlmServer server;
    private SimLlmServer secondServer;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKit() {
        kit = ActorTestKit.create(ConfigFactory.parseString("akka.actor.provider = local")
                .withFallback(ConfigFactory.load()));
    }

    @AfterAll
    static void stopKit() {
        kit.shutdownTestKit();
    }

    @AfterEach
    void stopServer() {
        for (SimLlmServer sim : new SimLlmServer[] {server, secondServer}) {
            if (sim != null) {
                sim.stop().toCompletableFuture().join();
            }
        }
    }

    private SimLlmServer scriptedServer() {
        server = SimLlmServer.start(kit.system(), SimSettings.defaults(0)
                .withScript(ScriptFile.read(Scenario.calculator(dir, 0)))).toCompletableFuture().join();
        return server;
    }

    @Test
    void runWithABaseUrlAndModelSucceedsAndStoresNoApiKey() throws IOException {
        SimLlmServer sim = scriptedServer();

        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm-base-url", sim.baseUrl(),
                "--llm-model", "sim", "--llm-api-key", "sk-very-secret-key", "Write a calculator");

        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stdout().get(1).contains("model gateway (default: openai/sim)"), node.output());
        assertTrue(sim.requests().count() >= 3, "the roles asked the server");
        assertTrue(dataDirContains(dir.resolve("data"), "Write a calculator"), "the search sees the journal");
        assertFalse(dataDirContains(dir.resolve("data"), "sk-very-secret-key"), "the API key was stored");
    }

    @Test
    void runWithAConfiguredGatewayUsesItsBackends() throws IOException {
        SimLlmServer sim = scriptedServer();
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/application.conf"), "software-factory.llm.backends.gpu1 {"
                + " kind = openai, base-url = \"" + sim.baseUrl() + "\", models = [sim], max-concurrency = 2 }\n");

        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "Write a calculator");

        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stdout().get(1).contains("model gateway (default: gpu1/sim)"), node.output());
    }

    @Test
    void runWithNothingConfiguredAndNoOllamaNamesTheThreeWaysAndWritesNothing() {
        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "Write a calculator");

        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        String error = node.stderr().get(0);
        assertTrue(error.contains("--llm-base-url URL --llm-model NAME"), error);
        assertTrue(error.contains("conf/application.conf"), error);
        assertTrue(error.contains("Ollama"), error);
        assertFalse(Files.exists(dir.resolve("data")), "nothing may be written");
    }

    @Test
    void aBaseUrlWithoutAModelIsRefused() {
        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm-base-url",
                "http://127.0.0.1:1/v1", "Write a calculator");

        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stderr().get(0).contains("--llm-base-url needs --llm-model NAME"), node.output());
    }

    @Test
    void aBrokenGatewayConfigIsRefusedNamingTheKey() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/application.conf"),
                "software-factory.llm.backends.gpu1 { kind = tgi, models = [m] }\n");

        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "Write a calculator");

        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stderr().get(0).contains("software-factory.llm.backends.gpu1.kind must be openai or ollama"),
                node.output());
        assertFalse(Files.exists(dir.resolve("data")), "nothing may be written");
    }

    @Test
    void pingPrintsOneRowPerBackendAndFailsWhenOneIsDown() throws IOException {
        SimLlmServer sim = scriptedServer();
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/application.conf"), "software-factory.llm.backends {\n"
                + " up { kind = openai, base-url = \"" + sim.baseUrl() + "\", models = [sim] }\n"
                + " down { kind = openai, base-url = \"http://127.0.0.1:1/v1\", models = [gone] }\n}\n");

        NodeProcess node = NodeProcess.run(dir, "llm", "ping");

        assertEquals(1, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.stdout().get(0).matches("BACKEND\\s+REACHABLE\\s+MODEL\\s+LATENCY\\s+ERROR"), node.output());
        assertTrue(node.stdout().get(1).matches("down\\s+no\\s+gone\\s+\\d+ ms\\s+connection to .*"), node.output());
        // a ping carries no prompt header: the scripted sim answers it as a health check
        assertTrue(node.stdout().get(2).matches("up\\s+yes\\s+sim\\s+\\d+ ms\\s+-"), node.output());
    }

    @Test
    void aForkWithAnAliasMapSendsThatRolesCallsAfterTheStepToThatAlias() throws IOException {
        SimLlmServer general = scriptedServer();
        secondServer = SimLlmServer.start(kit.system(), SimSettings.defaults(0)
                .withScript(ScriptFile.read(Scenario.calculator(dir, 0)))).toCompletableFuture().join();
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/application.conf"), "software-factory.llm {\n"
                + " backends.general { kind = openai, base-url = \"" + general.baseUrl() + "\", models = [sim] }\n"
                + " backends.coding { kind = openai, base-url = \"" + secondServer.baseUrl() + "\", models = [sim] }\n"
                + " aliases { default = [general], coder = [coding] }\n}\n");
        NodeProcess run = NodeProcess.run(dir, "run", "--data-dir", "data", "Write a calculator");
        assertEquals(0, run.exitCode(Duration.ofSeconds(1)), run.output());
        String designStep = NodeProcess.run(dir, "replay", Scenario.runId(run), "--data-dir", "data").stdout()
                .stream().filter(l -> l.contains(" file:docs/design.md ")).findFirst().orElseThrow().trim()
                .split("\\s+")[0];
        long generalBefore = general.requests().count();
        assertEquals(0, secondServer.requests().count(), "without a mapping every role uses the default alias");

        NodeProcess fork = NodeProcess.run(dir, "fork", Scenario.runId(run), "--at", designStep, "--alias-map",
                "Engineer=coder", "--data-dir", "data");

        assertEquals(0, fork.exitCode(Duration.ofSeconds(1)), fork.output());
        assertEquals(2, secondServer.requests().count(), "the Engineer's code and review calls");
        assertEquals(3, general.requests().count() - generalBefore, "tasks, tests and README after the step");
    }

    private static boolean dataDirContains(Path dataDir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
