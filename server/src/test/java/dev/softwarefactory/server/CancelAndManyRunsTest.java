package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a run through the API, and many runs at once on one node. */
class CancelAndManyRunsTest {
    private static final int RUNS = 20;
    @TempDir
    Path dir;

    @Test
    void aCancelledRunEndsCancelledItsRolesStopAndNothingIsAccountedAfter() throws Exception {
        try (TestNode node = TestNode.start(dir.resolve("data"), Optional.empty(), TestNode.slowCalculator(dir, 400))) {
            String runId = node.start("Write a calculator", null);
            awaitFirstModelCall(node, runId);

            HttpResponse<String> cancel = node.post("/api/runs/" + runId + "/cancel", null);

            assertEquals(200, cancel.statusCode(), cancel.body());
            assertEquals("CANCELLED", TestNode.json(cancel).get("status").asText());
            List<TestNode.Sse> events = node.events(runId, Optional.empty());
            assertEquals("RunEnded", events.get(events.size() - 1).type());
            Thread.sleep(2_000); // the action in flight when the run was cancelled finishes its call
            JsonNode steps = TestNode.json(node.get("/api/runs/" + runId + "/timeline?limit=10000")).get("steps");
            long end = 0;
            for (JsonNode step : steps) {
                if (step.get("event").asText().equals("RunEnded")) {
                    end = step.get("step").asLong();
                } else if (end > 0) {
                    String event = step.get("event").asText();
                    assertTrue(!event.equals("ActionAccounted") && !event.equals("ActionStarted"),
                            "after the end: " + step);
                }
            }
            assertTrue(end > 0);
            assertEquals(409, node.post("/api/runs/" + runId + "/cancel", null).statusCode());
            JsonNode detail = TestNode.json(node.get("/api/runs/" + runId));
            assertEquals("CANCELLED", detail.get("run").get("status").asText());
            assertEquals(1, TestNode.json(node.get("/api/runs?status=CANCELLED")).get("total").asInt());
        }
    }

    private static void awaitFirstModelCall(TestNode node, String runId) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = node.http.send(node.request("/api/runs/" + runId
                + "/events").GET().build(), HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = response.body()) {
            var iterator = lines.iterator();
            while (iterator.hasNext()) {
                if (iterator.next().matches("event: ?EffectRecorded")) {
                    return;
                }
            }
        }
        throw new AssertionError("the run made no model call");
    }

    @Test
    void twentyRunsAtOnceThroughTheApiAllSucceed() {
        try (TestNode node = TestNode.start(dir.resolve("data"), Optional.empty(), TestNode.slowCalculator(dir, 100))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                ids.add(node.start("Write a calculator " + i, null));
            }
            List<CompletableFuture<JsonNode>> ends = ids.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> node.awaitEnd(id))).toList();
            for (CompletableFuture<JsonNode> end : ends) {
                JsonNode run = end.join().get("run");
                assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
            }
            JsonNode listed = TestNode.json(node.get("/api/runs?status=SUCCEEDED&limit=100"));
            assertEquals(RUNS, listed.get("total").asInt());
        }
    }
}
