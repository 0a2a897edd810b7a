package dev.softwarefactory.node;

import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.Usage;

/**
 * A run as a listing shows it; {@code durationSeconds} counts up while the run goes; {@code damage}
 * names the events the journal lost ("" when none), {@code downtimeMillis} how long the run stood still
 * before it was resumed.
 */
public record RunItem(String id, String status, String requirement, String llm, String reason, long startedAt,
        long endedAt, double durationSeconds, int rounds, Usage usage, String damage, long downtimeMillis) {

    public static RunItem of(RunSummary run) {
        long end = run.endedAt() == 0 ? System.currentTimeMillis() : run.endedAt();
        return new RunItem(run.runId(), run.outcome().name(), run.requirement(), run.llm(), run.reason(),
                run.startedAt(), run.endedAt(), (end - run.startedAt()) / 1000.0, run.rounds(), run.usage(),
                run.damage(), run.downtimeMillis());
    }

    /** The run as the journal told it, for a client that reads it through the API. */
    public RunSummary summary() {
        return new RunSummary(id, requirement, llm, Outcome.valueOf(status), reason, startedAt, endedAt, rounds, usage,
                damage == null ? "" : damage, downtimeMillis);
    }
}
