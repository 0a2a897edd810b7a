package dev.softwarefactory.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.RunService;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A serving node in this JVM on a temporary data dir, on loopback port 0, and an HTTP client for it. */
final class TestNode implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final NodeSession session;
    final RunService service;
    final String url;
    private final Optional<String> token;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestNode(NodeSession session, RunService service, String url, Optional<String> token) {
        this.session = session;
        this.service = service;
        this.url = url;
        this.token = token;
    }

    /** A node whose runs use the model {@code spec} unless they name another. */
    static TestNode start(Path dataDir, Optional<String> token, String spec) {
        NodeSession session = NodeSession.open(dataDir, true);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunService service = RunService.start(session, Optional.of(spec), Optional.empty(), metrics);
        var binding = ApiServer.bind(session.system(), new ServerRoutes(service, metrics, token).routes(),
                "127.0.0.1", 0);
        return new TestNode(session, service, ApiServer.url(binding), token);
    }

    /** The calculator example with every answer delayed, as a spec for runs. */
    static String slowCalculator(Path dir, long delayMs) {
        try {
            String script = Files.readString(Path.of("..", "examples", "calculator.json"));
            Path file = dir.resolve("calculator-" + delayMs + ".json");
            Files.writeString(file, script.replace("\"reply\":", "\"delayMs\": " + delayMs + ", \"reply\":"));
            return "scripted:" + file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a run and returns its id. */
    String start(String requirement, String spec) {
        HttpResponse<String> response = post("/api/runs", "{\"requirement\": " + quote(requirement)
                + (spec == null ? "" : ", \"llm\": " + quote(spec)) + "}");
        if (response.statusCode() != 202) {
            throw new AssertionError("run not started: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("id").asText();
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the run's event stream to its end; returns every event's id, type and data, in order. */
    List<Sse> events(String runId, Optional<Long> lastEventId) {
        HttpRequest.Builder request = request("/api/runs/" + runId + "/events").timeout(Duration.ofMinutes(5));
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", Long.toString(id)));
        try {
            HttpResponse<Stream<String>> response = http.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("events: " + response.statusCode());
            }
            return Sse.read(response.body(), Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows the run to its end and returns its detail. */
    JsonNode awaitEnd(String runId) {
        events(runId, Optional.empty());
        return json(get("/api/runs/" + runId));
    }

    @Override
    public void close() {
        service.close();
        session.close();
    }

    /** One server-sent event. */
    record Sse(long id, String type, JsonNode data) {
        /** Reads events until {@code max} have come or the stream ends; heartbeats are skipped. */
        static List<Sse> read(Stream<String> lines, int max) {
            List<Sse> events = new ArrayList<>();
            long id = -1;
            String type = null;
            StringBuilder data = new StringBuilder();
            var iterator = lines.iterator();
            while (events.size() < max && iterator.hasNext()) {
                String line = iterator.next();
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    try {
                        events.add(new Sse(id, type, JSON.readTree(data.toString())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    data.setLength(0);
                }
            }
            return events;
        }
    }
}
