package dev.softwarefactory.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs on two model servers at once on one node (a serving node takes a model per run). */
class TwoModelServersTest {
    private static ActorTestKit sims;
    private static NodeSession session;

    @BeforeAll
    static void startNode() throws Exception {
        sims = ActorTestKit.create("sims");
        session = NodeSession.open(Files.createTempDirectory("two-servers").resolve("data"), true);
    }

    @AfterAll
    static void stop() {
        session.close();
        sims.shutdownTestKit();
    }

    private static SimLlmServer sim() throws Exception {
        return SimLlmServer.start(sims.system(), SimSettings.defaults(0)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static LlmReply ask(LlmClient client, String runId) throws Exception {
        return client.complete(new LlmRequest(runId, "Engineer", "WriteCode", "app.py", 1, "default",
                List.of(ChatMessage.user("write app.py")))).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void eachSpecsCallsReachItsOwnServerWithItsOwnModel() throws Exception {
        SimLlmServer first = sim();
        SimLlmServer second = sim();
        LlmClient alpha = LlmSpec.open("openai:alpha@" + first.baseUrl(), session.system(), Optional.empty());
        LlmClient beta = LlmSpec.open("openai:beta@" + second.baseUrl(), session.system(), Optional.empty());

        assertEquals("alpha", ask(alpha, "run-on-alpha").model());
        assertEquals("beta", ask(beta, "run-on-beta").model());
        assertEquals(1, first.requests().count());
        assertEquals(1, second.requests().count());
    }
}
