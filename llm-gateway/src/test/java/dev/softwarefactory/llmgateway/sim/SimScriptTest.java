package dev.softwarefactory.llmgateway.sim;

import static dev.softwarefactory.llmgateway.sim.SimHttp.chatBody;
import static dev.softwarefactory.llmgateway.sim.SimHttp.content;
import static dev.softwarefactory.llmgateway.sim.SimHttp.json;
import static dev.softwarefactory.llmgateway.sim.SimHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import dev.softwarefactory.llmgateway.ScriptEntry;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimScriptTest {
    private static ActorTestKit kit;
    private SimLlmServer server;

    @BeforeAll
    static void startKit() {
        kit = SimHttp.testKit();
    }

    @AfterAll
    static void stopKit() {
        kit.shutdownTestKit();
    }

    @BeforeEach
    void startServer() {
        server = SimHttp.start(kit, SimSettings.defaults(0).withScript(List.of(
                new ScriptEntry("WriteCode", "a.py", "a first", 0),
                new ScriptEntry("WriteCode", "a.py", "a second", 0),
                new ScriptEntry("WriteCode", "b.py", "b only", 0),
                new ScriptEntry("WritePRD", null, "the prd", 0))));
    }

    @AfterEach
    void stopServer() {
        SimHttp.stop(server);
    }

    private String ask(String header) throws Exception {
        return content(post(server, "/chat/completions", chatBody(false, header + "\nPlease do it.")));
    }

    @Test
    void nthRequestForAnActionAndTargetGetsTheNthEntryAndTheLastRepeats() throws Exception {
        List<String> replies = List.of(
                ask("Action: WriteCode file=a.py"),
                ask("Action: WriteCode file=b.py"),
                ask("Action: WriteCode file=a.py"),
                ask("Action: WriteCode file=a.py"));

        assertEquals(List.of("a first", "b only", "a second", "a second"), replies);
    }

    @Test
    void entryWithoutTargetAnswersAHeaderWithoutTarget() throws Exception {
        assertEquals("the prd", ask("Action: WritePRD"));
    }

    @Test
    void headerWithoutAnEntryGetsAnErrorNamingTheHeader() throws Exception {
        HttpResponse<String> response = post(server, "/chat/completions",
                chatBody(false, "Action: WriteTests file=test_a.py\nPlease."));

        assertEquals(404, response.statusCode());
        assertTrue(json(response.body()).path("error").path("message").asText()
                .contains("Action: WriteTests file=test_a.py"), response.body());
    }

    /** A health check such as `llm ping` carries no header: it gets the plain reply, as without a script. */
    @Test
    void promptWithoutHeaderGetsThePlainReply() throws Exception {
        HttpResponse<String> response = post(server, "/chat/completions", chatBody(false, "no header here"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("sim reply to: no header here", content(response));
    }
}
