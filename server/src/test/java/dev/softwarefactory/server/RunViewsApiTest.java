package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the web page reads beyond `replay`: filtered timelines, a file's versions, a feed from a step, the budget. */
class RunViewsApiTest {
    private static Path dir;
    private static TestNode node;
    private static String runId;
    private static JsonNode detail;

    @BeforeAll
    static void startNodeAndRunTheDemo() throws IOException {
        dir = Files.createTempDirectory("run-views");
        node = TestNode.start(dir.resolve("data"), Optional.empty(), TestNode.slowCalculator(dir, 0));
        runId = node.post("/api/runs", "{\"requirement\": \"Write a calculator\", \"investment\": 2.5}").body()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        detail = node.awaitEnd(runId);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theTimelineKeepsOnlyTheStepsOfTheTypeAsked() {
        JsonNode published = steps("type=MessagePublished");
        assertTrue(published.size() >= 5, published.toString());
        published.forEach(step -> assertEquals("MessagePublished", step.get("event").asText()));
        JsonNode commands = steps("type=exec");
        assertFalse(commands.isEmpty());
        commands.forEach(step -> assertTrue(step.get("key").asText().startsWith("exec:"), step.toString()));
        JsonNode prds = steps("type=Prd");
        assertFalse(prds.isEmpty());
        prds.forEach(step -> assertTrue(step.get("summary").asText().contains("Prd"), step.toString()));
    }

    @Test
    void theTimelineKeepsOnlyTheStepsOfTheRoleAskedAndItsStepNumbers() {
        JsonNode engineer = steps("role=Engineer");
        assertFalse(engineer.isEmpty());
        engineer.forEach(step -> assertEquals("Engineer", step.get("role").asText()));
        long after = engineer.get(0).get("step").asLong();
        JsonNode later = steps("role=Engineer&after=" + after);
        assertTrue(later.get(0).get("step").asLong() > after, later.toString());
    }

    @Test
    void aFileListsEveryWriteOfItOldestFirstUpToTheStepAsked() {
        for (JsonNode file : TestNode.json(node.get("/api/runs/" + runId + "/files")).get("files")) {
            JsonNode versions = file.get("versions");
            assertFalse(versions.isEmpty(), file.toString());
            assertEquals(file.get("step").asLong(), versions.get(versions.size() - 1).get("step").asLong());
            for (int i = 1; i < versions.size(); i++) {
                assertTrue(versions.get(i - 1).get("step").asLong() < versions.get(i).get("step").asLong());
            }
            long first = versions.get(0).get("step").asLong();
            JsonNode thenFiles = TestNode.json(node.get("/api/runs/" + runId + "/files?at=" + first)).get("files");
            for (JsonNode then : thenFiles) {
                if (then.get("path").equals(file.get("path"))) {
                    assertEquals(1, then.get("versions").size(), then.toString());
                }
            }
        }
    }

    @Test
    void theFeedStartsAfterTheStepAClientAlreadyShows() throws Exception {
        long ended = steps("type=RunEnded").get(0).get("step").asLong();
        long afterStep = ended - 3;
        HttpResponse<Stream<String>> response = node.http.send(node.request("/api/runs/" + runId
                + "/events?afterStep=" + afterStep).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        List<TestNode.Sse> events = TestNode.Sse.read(response.body(), Integer.MAX_VALUE);
        assertEquals(3, events.size(), events.toString());
        assertEquals(afterStep + 1, events.get(0).data().get("step").asLong());
        assertEquals("RunEnded", events.get(2).type());
    }

    @Test
    void aRunShowsItsBudgetAndARunThatIsNoRerunNoDigest() {
        assertEquals(2.5, detail.get("budgetUsd").asDouble(), detail.toString());
        assertTrue(detail.get("digest").isNull(), detail.toString());
    }

    private static JsonNode steps(String query) {
        HttpResponse<String> response = node.get("/api/runs/" + runId + "/timeline?limit=10000&" + query);
        assertEquals(200, response.statusCode(), response.body());
        return TestNode.json(response).get("steps");
    }
}
