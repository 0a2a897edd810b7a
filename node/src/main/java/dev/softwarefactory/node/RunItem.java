package dev.softwarefactory.node;

import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.Usage;

/** A run as a listing shows it; {@code durationSeconds} counts up while the run goes. */
public record RunItem(String id, String status, String requirement, String llm, String reason, long startedAt,
        long endedAt, double durationSeconds, int rounds, Usage usage) {

    public static RunItem of(RunSummary run) {
        long end = run.endedAt() == 0 ? System.currentTimeMillis() : run.endedAt();
        return new RunItem(run.runId(), run.outcome().name(), run.requirement(), run.llm(), run.reason(),
                run.startedAt(), run.endedAt(), (end - run.startedAt()) / 1000.0, run.rounds(), run.usage());
    }
}
