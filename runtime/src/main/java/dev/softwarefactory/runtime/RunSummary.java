package dev.softwarefactory.runtime;

/** One run as the journal tells it; {@code damage} says which events the journal lost ("" when none). */
public record RunSummary(String runId, String requirement, String llm, Outcome outcome, String reason,
        long startedAt, long endedAt, int rounds, Usage usage, String damage) {

    public boolean damaged() {
        return !damage.isEmpty();
    }
}
