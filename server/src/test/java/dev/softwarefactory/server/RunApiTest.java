package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runs API over real HTTP, on one node with one finished demo run: every route's answer and its errors. */
class RunApiTest {
    private static Path dir;
    private static TestNode node;
    private static String runId;
    private static JsonNode detail;

    @BeforeAll
    static void startNodeAndRunTheDemo() throws IOException {
        dir = Files.createTempDirectory("run-api");
        node = TestNode.start(dir.resolve("data"), java.util.Optional.empty(), TestNode.slowCalculator(dir, 0));
        runId = node.start("Write a calculator", null);
        detail = node.awaitEnd(runId);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aStartedRunIsAcceptedWithItsIdModelAndWorkspace() {
        HttpResponse<String> response = node.post("/api/runs", "{\"requirement\": \"Write a calculator\", \"nRound\": 1}");

        assertEquals(202, response.statusCode(), response.body());
        JsonNode started = TestNode.json(response);
        assertTrue(started.get("id").asText().matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), response.body());
        assertTrue(started.get("model").asText().contains("scripted"), response.body());
        assertTrue(started.get("workspace").asText().endsWith(started.get("id").asText()), response.body());
    }

    @Test
    void aRunReadsBackWithOutcomeUsageByRoleAndModelDurationAndTestResult() {
        JsonNode run = detail.get("run");
        assertEquals(runId, run.get("id").asText());
        assertEquals("SUCCEEDED", run.get("status").asText(), detail.toString());
        assertTrue(run.get("durationSeconds").asDouble() > 0, detail.toString());
        long calls = run.get("usage").get("modelCalls").asLong();
        long byRole = 0;
        for (JsonNode usage : detail.get("usageByRole")) {
            byRole += usage.get("modelCalls").asLong();
        }
        assertEquals(calls, byRole, detail.toString());
        assertTrue(detail.get("usageByRole").has("Engineer"), detail.toString());
        assertTrue(detail.get("usageByModel").size() >= 1, detail.toString());
        assertFalse(detail.get("testResult").asText().equals("not run"), detail.toString());
    }

    @Test
    void theListingFiltersByStatusAndPagesWithTheTotal() {
        JsonNode succeeded = TestNode.json(node.get("/api/runs?status=succeeded&limit=1"));
        assertTrue(succeeded.get("total").asInt() >= 1, succeeded.toString());
        assertEquals(1, succeeded.get("runs").size());
        for (JsonNode run : TestNode.json(node.get("/api/runs?status=SUCCEEDED")).get("runs")) {
            assertEquals("SUCCEEDED", run.get("status").asText());
        }
        JsonNode past = TestNode.json(node.get("/api/runs?offset=1000"));
        assertEquals(0, past.get("runs").size());
        assertEquals(400, node.get("/api/runs?status=BORED").statusCode());
        assertEquals(400, node.get("/api/runs?limit=0").statusCode());
        assertEquals(400, node.get("/api/runs?offset=x").statusCode());
    }

    @Test
    void theTimelinePagesAndAStepShowsItsEventInFull() {
        JsonNode first = TestNode.json(node.get("/api/runs/" + runId + "/timeline?limit=3")).get("steps");
        assertEquals(3, first.size());
        assertEquals("RunStarted", first.get(0).get("event").asText());
        JsonNode next = TestNode.json(node.get("/api/runs/" + runId + "/timeline?after=3&limit=2")).get("steps");
        assertEquals(4, next.get(0).get("step").asLong());
        long total = detail.get("steps").asLong();
        long end = 0;
        for (JsonNode step : TestNode.json(node.get("/api/runs/" + runId + "/timeline?limit=" + total)).get("steps")) {
            end = step.get("event").asText().equals("RunEnded") ? step.get("step").asLong() : end;
        }
        JsonNode ended = TestNode.json(node.get("/api/runs/" + runId + "/steps/" + end));
        assertEquals("RunEnded", ended.get("event").asText());
        assertEquals("SUCCEEDED", ended.get("data").get("outcome").asText(), ended.toString());
        assertEquals(404, node.get("/api/runs/" + runId + "/steps/" + (total + 1)).statusCode());
    }

    @Test
    void filesReadBackAsTheJournalHasThemAtTheEndAndAsOfAnEarlierStep() {
        JsonNode files = TestNode.json(node.get("/api/runs/" + runId + "/files")).get("files");
        Map<String, JsonNode> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.get("path").asText(), f));
        assertTrue(byPath.containsKey("calc.py"), files.toString());
        JsonNode calc = byPath.get("calc.py");
        JsonNode content = TestNode.json(node.get("/api/runs/" + runId + "/files/calc.py"));
        assertEquals(calc.get("size").asLong(), content.get("content").asText().getBytes(StandardCharsets.UTF_8).length);
        assertEquals(calc.get("step").asLong(), content.get("step").asLong());
        long before = calc.get("step").asLong() - 1;
        HttpResponse<String> earlier = node.get("/api/runs/" + runId + "/files/calc.py?at=" + before);
        if (earlier.statusCode() == 200) {
            assertTrue(TestNode.json(earlier).get("step").asLong() <= before, earlier.body());
        } else {
            assertEquals(404, earlier.statusCode(), earlier.body());
        }
    }

    @Test
    void aPathThatEscapesTheWorkspaceIsRefusedAndNothingIsRead() {
        for (String path : new String[] {"..%2F..%2Fnode.lock", "docs/..%2F..%2Fx", "%2Fetc%2Fpasswd", "a%5C..%5Cb"}) {
            HttpResponse<String> response = node.get("/api/runs/" + runId + "/files/" + path);
            assertEquals(400, response.statusCode(), path + ": " + response.body());
            assertEquals("bad_request", TestNode.json(response).get("error").get("code").asText());
        }
        // Dot segments the server resolves before routing leave the run's files altogether.
        HttpResponse<String> resolved = node.get("/api/runs/" + runId + "/files/%2E%2E/%2E%2E/node.lock");
        assertEquals(404, resolved.statusCode(), resolved.body());
    }

    @Test
    void theWorkspaceZipHoldsEveryFileWithItsContent() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = node.http.send(node.request("/api/runs/" + runId + "/workspace.zip").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        String calc = TestNode.json(node.get("/api/runs/" + runId + "/files/calc.py")).get("content").asText();
        assertArrayEquals(calc.getBytes(StandardCharsets.UTF_8), entries.get("calc.py"));
    }

    @Test
    void theDatasetHasOneChatRecordPerModelCall() {
        HttpResponse<String> response = node.get("/api/runs/" + runId + "/dataset.jsonl");
        assertEquals(200, response.statusCode());
        long lines = response.body().lines().count();
        assertEquals(detail.get("run").get("usage").get("modelCalls").asLong(), lines);
        assertTrue(response.body().lines().allMatch(l -> l.startsWith("{\"messages\":[")), response.body());
    }

    @Test
    void anEndedRunsSummaryIsWhatRunPrints() {
        JsonNode summary = TestNode.json(node.get("/api/runs/" + runId + "/summary"));
        assertEquals("SUCCEEDED", summary.get("outcome").asText());
        assertTrue(summary.get("files").asInt() > 0, summary.toString());
    }

    @Test
    void anUnknownRunIs404OnEveryRoute() {
        for (String path : new String[] {"", "/timeline", "/steps/1", "/files", "/files/a.py", "/workspace.zip",
                "/dataset.jsonl", "/events", "/summary"}) {
            HttpResponse<String> response = node.get("/api/runs/nosuch" + path);
            assertEquals(404, response.statusCode(), path + ": " + response.body());
            assertEquals("not_found", TestNode.json(response).get("error").get("code").asText(), path);
        }
        for (String action : new String[] {"cancel", "resume", "rerun"}) {
            assertEquals(404, node.post("/api/runs/nosuch/" + action, null).statusCode(), action);
        }
        assertEquals(404, node.post("/api/runs/nosuch/fork", "{\"at\": 1}").statusCode());
    }

    @Test
    void actionsTheRunsStateDoesNotAllowAre409() {
        for (String action : new String[] {"cancel", "resume"}) {
            HttpResponse<String> response = node.post("/api/runs/" + runId + "/" + action, null);
            assertEquals(409, response.statusCode(), action + ": " + response.body());
            assertEquals("conflict", TestNode.json(response).get("error").get("code").asText());
        }
    }

    @Test
    void badBodiesAreOneJsonErrorWithTheirStatus() {
        assertError(node.post("/api/runs", "{\"requirement\": "), 400, "malformed JSON");
        assertError(node.post("/api/runs", "{\"requirement\": \"x\", \"colour\": \"red\"}"), 400, "unknown field 'colour'");
        assertError(node.post("/api/runs", "{\"requirement\": \"  \"}"), 400, "the requirement is empty");
        assertError(node.post("/api/runs", "{\"requirement\": \"" + "x".repeat(20_001) + "\"}"), 400, "the limit is 20000");
        assertError(node.post("/api/runs", "{\"requirement\": \"" + "x".repeat(2_000_000) + "\"}"), 413, "larger");
        assertError(node.post("/api/runs", "{\"requirement\": \"x\", \"nRound\": 0}"), 400, "nRound");
        assertError(node.post("/api/runs", "{\"requirement\": \"x\", \"llm\": \"bogus\"}"), 400, "unknown --llm");
        assertError(node.post("/api/runs/" + runId + "/fork", "{}"), 400, "at is missing");
        assertError(node.post("/api/runs/" + runId + "/fork", "{\"at\": 0}"), 400, "has no step 0");
        assertError(node.send(node.request("/api/runs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build()), 415, "application/json");
        assertError(node.send(node.request("/api/runs").DELETE().build()), 405, "use");
        assertError(node.get("/api/nothing-here"), 404, "no such route");
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = TestNode.json(response).get("error");
        assertTrue(error.get("message").asText().contains(message), response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace: " + response.body());
    }

    @Test
    void healthAndReadinessAnswer() {
        assertEquals(200, node.get("/healthz").statusCode());
        assertEquals(200, node.get("/readyz").statusCode());
    }

    @Test
    void metricsArePrometheusTextWithRunsByState() {
        HttpResponse<String> response = node.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().lines().anyMatch(l -> l.matches("sf_runs\\{state=\"SUCCEEDED\",?} [1-9].*")),
                response.body());
        assertTrue(response.body().lines().anyMatch(l -> l.startsWith("sf_model_calls_total{backend=\"scripted\"")),
                response.body());
        assertTrue(response.body().contains("sf_sse_streams_open"), response.body());
    }

    @Test
    void metricsCountTheCommandsRunningAndWaitingForASlot() {
        String body = node.get("/metrics").body();

        assertTrue(body.lines().anyMatch(l -> l.matches("sf_commands\\{state=\"running\",?} [0-9]+\\.0")), body);
        assertTrue(body.lines().anyMatch(l -> l.matches("sf_commands\\{state=\"waiting\",?} [0-9]+\\.0")), body);
    }
}
