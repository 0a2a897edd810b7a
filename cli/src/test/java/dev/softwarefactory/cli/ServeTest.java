package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve`: a node that stays up, serves the API and resumes unfinished runs when it starts again. */
class ServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static String address(NodeProcess serve) {
        String line = serve.awaitLines(l -> l.startsWith("serving "), 1, Duration.ofSeconds(90)).get(0);
        return line.split(" ")[1];
    }

    @Test
    void aRestartedServeResumesAnUnfinishedRunByItself() throws Exception {
        Path script = Scenario.calculator(dir, 300);
        String runId;
        try (NodeProcess serve = NodeProcess.start(dir, "serve", "--data-dir", "data", "--port", "0",
                "--llm", "scripted:" + script)) {
            String url = address(serve);
            runId = JSON.readTree(post(url + "/api/runs", "{\"requirement\": \"Write a calculator\"}")).get("id")
                    .asText();
            awaitSteps(url, runId, 12);
            serve.kill();
        }
        try (NodeProcess serve = NodeProcess.start(dir, "serve", "--data-dir", "data", "--port", "0")) {
            String url = address(serve);
            serve.awaitLines(l -> l.equals("resumed run " + runId), 1, Duration.ofSeconds(60));
            JsonNode run = awaitEnd(url, runId);
            assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
            assertStopped(serve);
        }
    }

    /** SIGTERM stops the node cleanly: the JVM's exit code for a SIGTERM, after the node said so. */
    private static void assertStopped(NodeProcess serve) {
        assertEquals(143, serve.stop(Duration.ofSeconds(60)), serve.output());
        assertTrue(serve.stdout().stream().anyMatch(l -> l.startsWith("stopped;")), serve.output());
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonNode get(String url) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void awaitSteps(String url, String runId, int steps) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (get(url + "/api/runs/" + runId).get("steps").asInt() < steps) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " did not reach " + steps + " steps");
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode awaitEnd(String url, String runId) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/runs/" + runId + "/events")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return get(url + "/api/runs/" + runId).get("run");
    }
}
