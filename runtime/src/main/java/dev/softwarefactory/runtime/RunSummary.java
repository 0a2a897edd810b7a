package dev.softwarefactory.runtime;

/**
 * One run as the journal tells it; {@code damage} says which events the journal lost ("" when none);
 * {@code downtimeMillis} is how long it stood still before it was resumed.
 */
public record RunSummary(String runId, String requirement, String llm, Outcome outcome, String reason,
        long startedAt, long endedAt, int rounds, Usage usage, String damage, long downtimeMillis) {

    /** From start to end (or to now, for a run that has not ended), without the time it stood still. */
    public long workingMillis(long now) {
        return (endedAt == 0 ? now : endedAt) - startedAt - downtimeMillis;
    }

    /** The same run with what its whole events tell: the events lost ("" for none) and its downtime. */
    public RunSummary inspected(String damage, long downtimeMillis) {
        return new RunSummary(runId, requirement, llm, outcome, reason, startedAt, endedAt, rounds, usage, damage,
                downtimeMillis);
    }

    public boolean damaged() {
        return !damage.isEmpty();
    }
}
