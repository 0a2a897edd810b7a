package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.softwarefactory.server.TestNode.Sse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run feed as server-sent events: read back from the journal, resumable with Last-Event-ID. */
class RunEventsTest {
    @TempDir
    Path dir;

    @Test
    void aClientThatDisconnectsMidRunAndResumesWithLastEventIdGetsEveryEventOnce() throws Exception {
        try (TestNode node = TestNode.start(dir.resolve("data"), Optional.empty(), TestNode.slowCalculator(dir, 150))) {
            String runId = node.start("Write a calculator", null);
            List<Sse> first;
            HttpResponse<Stream<String>> response = node.http.send(node.request("/api/runs/" + runId + "/events")
                    .GET().build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                first = Sse.read(lines, 5);
            }
            assertEquals(5, first.size());
            assertEquals("RunStarted", first.get(0).type());

            List<Sse> rest = node.events(runId, Optional.of(first.get(first.size() - 1).id()));

            List<Sse> all = new ArrayList<>(first);
            all.addAll(rest);
            assertEquals("RunEnded", all.get(all.size() - 1).type());
            List<Long> steps = all.stream().map(e -> e.data().get("step").asLong()).toList();
            List<Long> expected = new ArrayList<>();
            for (long step = 1; step <= all.size(); step++) {
                expected.add(step);
            }
            assertEquals(expected, steps, "every step once, in order");
            JsonNode timeline = TestNode.json(node.get("/api/runs/" + runId + "/timeline?limit=10000")).get("steps");
            assertEquals("RunEnded", timeline.get(all.size() - 1).get("event").asText(),
                    "the stream holds the timeline up to the run's end event");
            assertEquals(all.stream().map(Sse::id).distinct().count(), all.size(), "ids are unique");
        }
    }

    @Test
    void aClientThatGoesAwayReleasesItsStream() throws Exception {
        try (TestNode node = TestNode.start(dir.resolve("data"), Optional.empty(), TestNode.slowCalculator(dir, 500))) {
            String runId = node.start("Write a calculator", null);
            HttpResponse<InputStream> response = node.http.send(node.request("/api/runs/" + runId + "/events").GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                assertTrue(body.read() >= 0);
                assertEquals(1.0, openStreams(node));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (openStreams(node) != 0.0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(0.0, openStreams(node), "the stream ended with its client");
            node.post("/api/runs/" + runId + "/cancel", null);
        }
    }

    private static double openStreams(TestNode node) throws IOException {
        String metrics = node.get("/metrics").body();
        return metrics.lines().filter(l -> l.startsWith("sf_sse_streams_open ")).mapToDouble(
                l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void aBadLastEventIdIsRefused() {
        try (TestNode node = TestNode.start(dir.resolve("data"), Optional.empty(), TestNode.slowCalculator(dir, 0))) {
            String runId = node.start("Write a calculator", null);
            HttpResponse<String> response = node.send(node.request("/api/runs/" + runId + "/events")
                    .header("Last-Event-ID", "yesterday").GET().build());
            assertEquals(400, response.statusCode(), response.body());
            node.events(runId, Optional.empty());
        }
    }
}
