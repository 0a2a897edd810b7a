package dev.softwarefactory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** One `serve` JVM of a test cluster: its name, data dir, API, and what it printed (for failure messages). */
final class ClusterNode implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final int LOG_TAIL = 40;

    final String name;
    final Path dataDir;
    final int clusterPort;
    private final NodeProcess process;
    private String url;

    ClusterNode(String name, Path dataDir, int clusterPort, NodeProcess process) {
        this.name = name;
        this.dataDir = dataDir;
        this.clusterPort = clusterPort;
        this.process = process;
    }

    /** Waits until /readyz answers 200: the node joined and a node that runs runs is up. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw failure("ended before it was ready (exit " + process.exitCode(Duration.ofSeconds(5)) + ")");
            }
            if (url == null) {
                url = process.stdout().stream().filter(l -> l.startsWith("serving ")).findFirst()
                        .map(l -> l.split(" ")[1]).orElse(null);
            } else {
                try {
                    HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(url + "/readyz")).GET());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                    last = ready.statusCode() + " " + ready.body();
                } catch (UncheckedIOException e) {
                    last = e.getMessage();
                }
            }
            pause(250);
        }
        throw failure("not ready within " + timeout + "; /readyz said: " + last);
    }

    String url() {
        if (url == null) {
            throw failure("has no API address yet");
        }
        return url;
    }

    JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
        if (response.statusCode() != 200) {
            throw failure("GET " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw failure("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw failure("GET " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The run's workspace as its journal's file effects build it: the API's zip, unpacked under {@code into}. */
    Map<String, String> journalFiles(String runId, Path into) {
        Path unpacked = into.resolve(runId);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                bytes("/api/runs/" + runId + "/workspace.zip")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = unpacked.resolve(entry.getName()).normalize();
                if (!file.startsWith(unpacked)) {
                    throw failure("sent a zip entry outside the workspace: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Scenario.files(unpacked);
    }

    /** Starts a run with the node's default model; returns its id. */
    String startRun(String requirement) {
        return postRun("{\"requirement\": " + quote(requirement) + "}");
    }

    /** Starts a run with the model {@code llm} names (a spec, e.g. openai:MODEL@URL); returns its id. */
    String startRun(String requirement, String llm) {
        return postRun("{\"requirement\": " + quote(requirement) + ", \"llm\": " + quote(llm) + "}");
    }

    private String postRun(String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 202) {
            throw failure("did not start a run: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("id").asText();
    }

    /** SIGKILL: no shutdown, no goodbye to the cluster. */
    void kill() {
        process.kill();
    }

    List<String> lines() {
        return process.lines();
    }

    boolean alive() {
        return process.alive();
    }

    /** An assertion error that names this node and ends with the tail of its output. */
    AssertionError failure(String what) {
        // Stack frames crowd out what happened; the exceptions' own lines stay.
        List<String> lines = process.lines().stream().filter(l -> !l.startsWith("\tat ")).toList();
        return new AssertionError("node " + name + " " + what + "\n--- last lines of node " + name + " ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size())));
    }

    @Override
    public void close() {
        process.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("node " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
