package dev.softwarefactory.server;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import dev.softwarefactory.llmgateway.gateway.LlmBackend;
import dev.softwarefactory.node.RunService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * GET /api/llm/backends: each model backend of the node's gateway, as its one actor counts it (in
 * flight, queued, limits, cooldown, latency, calls, tokens, cost). A node whose model is a script has none.
 */
public final class LlmRoutes extends AllDirectives {
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);
    private final RunService runs;
    private final ApiJson json;

    public LlmRoutes(RunService runs, ApiJson json) {
        this.runs = runs;
        this.json = json;
    }

    public Route routes() {
        return path(PathMatchers.segment("llm").slash("backends"), () -> get(() ->
                onSuccess(backends(), backends -> complete(StatusCodes.OK, Map.of("backends", backends),
                        json.marshaller()))));
    }

    private CompletionStage<List<LlmBackend.Status>> backends() {
        return runs.gateway().map(gateway -> gateway.status(STATUS_TIMEOUT))
                .orElse(CompletableFuture.completedFuture(List.of()));
    }
}
