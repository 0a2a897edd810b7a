package dev.softwarefactory.runtime.replay;

import dev.softwarefactory.runtime.JsonSerializable;

/**
 * The run whose recorded effects a new run is served: every effect up to {@code lastServedStep} of
 * that run's timeline. With {@code liveAfter} (a fork) an effect it did not record runs live; without
 * (a rerun) such an effect means the runs diverged.
 */
public record ReplaySource(String runId, long lastServedStep, boolean liveAfter) implements JsonSerializable {
    public static ReplaySource rerun(String runId) {
        return new ReplaySource(runId, Long.MAX_VALUE, false);
    }

    public static ReplaySource fork(String runId, long atStep) {
        return new ReplaySource(runId, atStep, true);
    }
}
