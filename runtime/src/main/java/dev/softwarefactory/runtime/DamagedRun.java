package dev.softwarefactory.runtime;

/** A run whose events the journal lost in part: its timeline, effects and state cannot be trusted. */
public final class DamagedRun extends RuntimeException {
    public DamagedRun(String runId, String damage) {
        super("the journal of run " + runId + " is damaged: " + damage);
    }
}
