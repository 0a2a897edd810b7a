package dev.softwarefactory.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/** The parts of a node's run API the bench drives: start a run, follow its events to the end, read it. */
final class RunsApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMinutes(2)).build();
    private final String url;

    RunsApi(String url) {
        this.url = url;
    }

    /** POST /api/runs; the new run's id. */
    String start(String requirement, String llm) throws IOException, InterruptedException {
        var body = JSON.createObjectNode().put("requirement", requirement).put("llm", llm);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/api/runs"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("POST /api/runs answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /**
     * Reads the run's server-sent events until its end event; for each event, the time from its persist
     * (the event's {@code time}) to its arrival, in milliseconds.
     */
    void follow(String runId, LongConsumer persistToClientMillis) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(
                URI.create(url + "/api/runs/" + runId + "/events")).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/runs/" + runId + "/events answered " + response.statusCode());
        }
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (!line.startsWith("data:")) {
                    continue;
                }
                long arrived = System.currentTimeMillis();
                JsonNode event = JSON.readTree(line.substring("data:".length()).strip());
                long persisted = event.path("time").asLong();
                if (persisted > 0) {
                    persistToClientMillis.accept(arrived - persisted);
                }
                if (event.path("last").asBoolean()) {
                    return;
                }
            }
        }
        throw new IOException("the event stream of run " + runId + " ended before the run's end event");
    }

    /** GET /api/runs/{id}: the run's status, e.g. SUCCEEDED (the detail holds it under "run"). */
    String status(String runId) throws IOException, InterruptedException {
        JsonNode detail = get("/api/runs/" + runId);
        return (detail.has("run") ? detail.get("run") : detail).path("status").asText();
    }

    /** How many runs the node lists in a state, e.g. RUNNING. */
    int count(String status) throws IOException, InterruptedException {
        JsonNode page = get("/api/runs?status=" + status + "&limit=100000");
        return page.isArray() ? page.size() : page.path("total").asInt();
    }

    /** True once /readyz answers 200: the node has joined and can take runs. */
    boolean ready() throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url + "/readyz")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    void cancel(String runId) throws IOException, InterruptedException {
        client.send(HttpRequest.newBuilder(URI.create(url + "/api/runs/" + runId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
