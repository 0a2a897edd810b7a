package dev.softwarefactory.node;

import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.runtime.CommandSlots;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a node measures: runs by state, and model calls, tokens, cost and latency by backend and role
 * for the calls this node made (calls served from a journal are not calls).
 */
final class NodeMetrics {
    private static final Duration RUNS_FRESH = Duration.ofSeconds(1);
    private final MeterRegistry registry;
    private final Supplier<List<RunSummary>> runs;
    private Map<Outcome, Long> byState = new EnumMap<>(Outcome.class);
    private long countedAt;

    NodeMetrics(MeterRegistry registry, Supplier<List<RunSummary>> runs, Supplier<Long> timelineSteps,
            CommandSlots commands) {
        this.registry = registry;
        this.runs = runs;
        Gauge.builder("sf_commands", commands::running).tag("state", "running")
                .description("Commands of runs (builds, installs, tests) running on this node").register(registry);
        Gauge.builder("sf_commands", commands::waiting).tag("state", "waiting")
                .description("Commands of runs waiting for one of the node's command slots").register(registry);
        Gauge.builder("sf_timeline_cache_steps", () -> timelineSteps.get())
                .description("Steps of run timelines the API keeps in memory").register(registry);
        for (Outcome state : Outcome.values()) {
            Gauge.builder("sf_runs", () -> runsIn(state)).tag("state", state.name())
                    .description("Runs of the journal by state").register(registry);
        }
    }

    private synchronized long runsIn(Outcome state) {
        long now = System.nanoTime();
        if (now - countedAt > RUNS_FRESH.toNanos() || byState.isEmpty()) {
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            for (Outcome s : Outcome.values()) {
                counts.put(s, 0L);
            }
            runs.get().forEach(run -> counts.merge(run.outcome(), 1L, Long::sum));
            byState = counts;
            countedAt = now;
        }
        return byState.get(state);
    }

    void modelCall(String role, LlmReply reply) {
        String backend = reply.backend() == null ? "" : reply.backend();
        Counter.builder("sf_model_calls").tag("backend", backend).tag("role", role)
                .description("Model calls answered").register(registry).increment();
        Counter.builder("sf_model_tokens").tag("backend", backend).tag("role", role)
                .description("Tokens in and out of model calls").register(registry)
                .increment(reply.inputTokens() + reply.outputTokens());
        Counter.builder("sf_model_cost_usd").tag("backend", backend).tag("role", role)
                .description("What model calls cost, in US dollars").register(registry).increment(reply.costUsd());
        Timer.builder("sf_model_latency").tag("backend", backend)
                .description("Model call latency as the backend reported it").register(registry)
                .record(Duration.ofMillis(reply.latencyMillis()));
    }

    void journalWritten(long nanos) {
        Timer.builder("sf_journal_write_time").description("How long the PostgreSQL journal took to write a batch of events")
                .register(registry).record(Duration.ofNanos(nanos));
    }

    void gatewayQueued(long nanos) {
        Timer.builder("sf_gateway_queue_time")
                .description("From a model call's arrival at the gateway to the start of its HTTP call: routing and"
                        + " waiting for the backend's limits")
                .register(registry).record(Duration.ofNanos(nanos));
    }

    void modelCallFailed(String role) {
        Counter.builder("sf_model_call_failures").tag("role", role)
                .description("Model calls that failed after the gateway's retries").register(registry).increment();
    }
}
