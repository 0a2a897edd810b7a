package dev.softwarefactory.node;

import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.gateway.Gateway;
import dev.softwarefactory.runtime.RunConfig;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The model of every run on a node: each request goes to the model its run was started with. Runs
 * on one server spec share its client (and so its limits); a scripted model is one per run, as a
 * run of its own would have it; a rerun calls no model.
 */
final class RunModels implements LlmClient {
    private final Function<String, LlmClient> open;
    private NodeMetrics metrics;
    private Consumer<String> onOpened = spec -> { };
    private final Function<String, CompletionStage<RunConfig>> configOf;
    private final Map<String, LlmClient> bySpec = new ConcurrentHashMap<>();
    private final Map<String, LlmClient> byRun = new ConcurrentHashMap<>();

    /** {@code open} opens a spec's client; {@code configOf} finds a run's config, for runs resumed by sharding. */
    RunModels(Function<String, LlmClient> open, Function<String, CompletionStage<RunConfig>> configOf) {
        this.open = open;
        this.configOf = configOf;
    }

    void measure(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    /** Told each server spec this node opens, once. */
    void onOpened(Consumer<String> listener) {
        this.onOpened = listener;
    }

    /** The client of a run, opened now, so that a bad spec is refused before the run starts. */
    LlmClient register(String runId, RunConfig config) {
        return byRun.computeIfAbsent(runId, id -> clientFor(id, config));
    }

    /** The client of a server spec, shared by every run on it. */
    LlmClient forSpec(String spec) {
        return bySpec.computeIfAbsent(spec, this::openMeasured);
    }

    /** A server spec's client, its gateway's queue time measured. */
    private LlmClient openMeasured(String spec) {
        LlmClient client = open.apply(spec);
        Gateway.of(client).ifPresent(gateway -> gateway.admissionTimes().onRecord(nanos -> {
            if (metrics != null) {
                metrics.gatewayQueued(nanos);
            }
        }));
        onOpened.accept(spec);
        return client;
    }

    void forget(String runId) {
        byRun.remove(runId);
    }

    private LlmClient clientFor(String runId, RunConfig config) {
        if (config.replay() != null && !config.replay().liveAfter()) {
            return new NoModel(config.replay().runId());
        }
        String spec = config.llm();
        if (spec.equals(LlmSpec.DEMO) || spec.startsWith(LlmSpec.SCRIPTED)) {
            return open.apply(spec);
        }
        return forSpec(spec);
    }

    @Override
    public CompletionStage<LlmReply> complete(LlmRequest request) {
        return call(request).whenComplete((reply, failure) -> {
            if (metrics != null && reply != null) {
                metrics.modelCall(request.role(), reply);
            } else if (metrics != null) {
                metrics.modelCallFailed(request.role());
            }
        });
    }

    private CompletionStage<LlmReply> call(LlmRequest request) {
        LlmClient known = byRun.get(request.runId());
        if (known != null) {
            return known.complete(request);
        }
        return configOf.apply(request.runId()).thenCompose(config -> {
            try {
                return register(request.runId(), config).complete(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** The description of one run's model. */
    String describe(String runId) {
        LlmClient client = byRun.get(runId);
        return client == null ? "its recorded model" : client.describe();
    }

    @Override
    public String describe() {
        return "each run's own model";
    }
}
