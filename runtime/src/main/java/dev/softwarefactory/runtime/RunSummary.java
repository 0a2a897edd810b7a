package dev.softwarefactory.runtime;

/** One run as the journal tells it. */
public record RunSummary(String runId, String requirement, String llm, Outcome outcome, String reason,
        long startedAt, long endedAt, int rounds, Usage usage) {
}
