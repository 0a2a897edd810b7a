package dev.softwarefactory.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.node.FeedEvent;
import dev.softwarefactory.node.ForkRun;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.ProjectSummary;
import dev.softwarefactory.node.RunDetail;
import dev.softwarefactory.node.RunItem;
import dev.softwarefactory.node.RunPage;
import dev.softwarefactory.node.StartRun;
import dev.softwarefactory.node.StartedRun;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.replay.Step;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The runs of a serving node, through its HTTP API; every failure is one line (see {@link #error}). */
final class RemoteRuns implements RunsClient {
    private static final int PAGE = 500;
    /** A node that does not take the event stream back within this long is taken for gone. */
    private static final Duration RECONNECT_FOR = Duration.ofSeconds(10);
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Map<String, Class<?>> EVENTS = events();
    private final String url;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    RemoteRuns(String url, Optional<String> token) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
    }

    /** The journaled event types by the name the timeline gives them. */
    private static Map<String, Class<?>> events() {
        Map<String, Class<?>> events = new HashMap<>();
        for (Class<?> type : Company.Event.class.getPermittedSubclasses()) {
            events.put(type.getSimpleName(), type);
        }
        for (Class<?> type : RoleActor.Event.class.getPermittedSubclasses()) {
            events.put(type.getSimpleName(), type);
        }
        return events;
    }

    @Override
    public String apiUrl() {
        return url;
    }

    @Override
    public StartedRun start(StartRun order) {
        Map<String, Object> body = model(order.model());
        body.put("requirement", order.requirement());
        body.put("nRound", order.nRound());
        body.put("investment", order.investment());
        return post("/api/runs", body, StartedRun.class);
    }

    @Override
    public StartedRun resume(String runId, ModelOptions model) {
        if (model.explicitSpec().isPresent()) {
            throw new UsageError("a serving node resumes a run with the run's own model; to resume it with another,"
                    + " stop the node at " + url + " first");
        }
        return post(runPath(runId) + "/resume", null, StartedRun.class);
    }

    @Override
    public StartedRun rerun(String runId) {
        return post(runPath(runId) + "/rerun", null, StartedRun.class);
    }

    @Override
    public StartedRun fork(String runId, ForkRun fork) {
        Map<String, Object> body = model(fork.model());
        body.put("at", fork.at());
        body.put("aliasMap", fork.aliasMap());
        body.put("investment", fork.investment());
        body.put("nRound", fork.nRound());
        return post(runPath(runId) + "/fork", body, StartedRun.class);
    }

    private static Map<String, Object> model(ModelOptions model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("llm", model.llm());
        body.put("llmBaseUrl", model.llmBaseUrl());
        body.put("llmModel", model.llmModel());
        return body;
    }

    /**
     * Reads the run's server-sent events, reconnecting with Last-Event-ID when the connection drops, so
     * that no event is missed or seen twice; a node that stays away is a {@link NodeFailure}.
     */
    @Override
    public void follow(String runId, long after, Consumer<FeedEvent> events) {
        long last = after;
        long lostSince = 0;
        while (true) {
            HttpRequest.Builder request = request(runPath(runId) + "/events").header("Accept", "text/event-stream");
            if (last > 0) {
                request.header("Last-Event-ID", Long.toString(last));
            }
            try {
                HttpResponse<Stream<String>> response = http.send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw error(response.statusCode(), String.join("\n", response.body().toList()));
                }
                lostSince = 0;
                SseReader reader = new SseReader();
                for (String line : (Iterable<String>) response.body()::iterator) {
                    FeedEvent event = reader.line(line);
                    if (event != null) {
                        last = event.id();
                        events.accept(event);
                        if (event.last()) {
                            return;
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                lostSince = lostSince == 0 ? System.nanoTime() : lostSince;
                if (System.nanoTime() - lostSince > RECONNECT_FOR.toNanos()) {
                    throw new NodeFailure("lost the node at " + url + " while following run " + runId
                            + " (" + reason(e) + "); the run goes on when a node serves its data dir again");
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeFailure("interrupted while following run " + runId);
            }
        }
    }

    /** Gathers an event's data lines until the blank line that ends it; heartbeats and ids are skipped. */
    private static final class SseReader {
        private final StringBuilder data = new StringBuilder();

        FeedEvent line(String line) throws IOException {
            if (line.startsWith("data:")) {
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                return null;
            }
            if (line.isEmpty() && data.length() > 0) {
                FeedEvent event = JSON.readValue(data.toString(), FeedEvent.class);
                data.setLength(0);
                return event;
            }
            return null;
        }
    }

    @Override
    public ProjectSummary summary(String runId) {
        return get(runPath(runId) + "/summary", ProjectSummary.class);
    }

    @Override
    public RunDetail.Digests digests(String rerunId) {
        return JSON.convertValue(get(runPath(rerunId), JsonNode.class).get("digest"), RunDetail.Digests.class);
    }

    @Override
    public List<RunSummary> runs() {
        List<RunSummary> runs = new ArrayList<>();
        RunPage page;
        do {
            page = get("/api/runs?offset=" + runs.size() + "&limit=" + PAGE, RunPage.class);
            page.runs().forEach(run -> runs.add(run.summary()));
        } while (!page.runs().isEmpty() && runs.size() < page.total());
        runs.sort(Comparator.comparingLong(RunSummary::startedAt).thenComparing(RunSummary::runId));
        return runs;
    }

    @Override
    public RunSummary run(String runId) {
        return JSON.convertValue(get(runPath(runId), JsonNode.class).get("run"), RunItem.class).summary();
    }

    @Override
    public List<Step> timeline(String runId) {
        List<Step> steps = new ArrayList<>();
        while (true) {
            JsonNode page = get(runPath(runId) + "/timeline?full=true&limit=" + PAGE + "&after=" + steps.size(),
                    JsonNode.class);
            if (page.path("steps").isEmpty()) {
                return steps;
            }
            page.get("steps").forEach(step -> steps.add(step(step)));
        }
    }

    /** A step as the API gives it, with its journaled event read back into its own type. */
    private static Step step(JsonNode view) {
        Class<?> type = EVENTS.get(view.path("event").asText());
        Object event = type == null ? view.get("data") : JSON.convertValue(view.get("data"), type);
        return new Step(view.path("step").asLong(), view.path("time").asLong(), view.path("role").asText(),
                view.path("event").asText(), view.path("invocation").asLong(), view.path("action").asText(),
                view.path("key").asText(), view.path("tokens").asLong(), view.path("costUsd").asDouble(),
                view.path("summary").asText(), event);
    }

    @Override
    public List<String> dataset(String runId) {
        return send(request(runPath(runId) + "/dataset.jsonl").GET().build()).lines().toList();
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public void close() {
        // Java 17's HttpClient holds nothing that needs closing
    }

    private <T> T get(String path, Class<T> type) {
        return read(send(request(path).GET().build()), type);
    }

    private <T> T post(String path, Object body, Class<T> type) {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return read(send(request.build()), type);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw error(response.statusCode(), response.body());
            }
            return response.body();
        } catch (java.net.ConnectException e) {
            throw new NodeFailure("no node answers at " + url + " (connection refused)");
        } catch (IOException e) {
            throw new NodeFailure("no node answers at " + url + " (" + reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeFailure("interrupted while asking the node at " + url);
        }
    }

    /**
     * The node's JSON error as the CLI says it locally: a refusal of what was asked exits 2, a damaged
     * journal or a failure of the node exits 1.
     */
    private RuntimeException error(int status, String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (IOException e) {
            error = null;
        }
        if (error == null || !error.has("message")) {
            return new NodeFailure(url + " answered HTTP " + status + " but not as a node's API: is --node the"
                    + " address serve printed?");
        }
        String message = error.path("message").asText();
        return switch (status) {
            case 400 -> new UserError(message);
            case 401 -> new UserError(message + " (the node at " + url + " needs its token in SF_API_TOKEN)");
            case 404 -> UserError.notFound(message);
            case 409 -> "damaged".equals(error.path("code").asText()) ? new NodeFailure(message)
                    : UserError.conflict(message);
            default -> new NodeFailure("the node at " + url + " answered HTTP " + status + ": " + message);
        };
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new NodeFailure("the node at " + url + " answered what this client cannot read: " + e.getMessage());
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String runPath(String runId) {
        return "/api/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
