package dev.softwarefactory.node;

import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.replay.Step;

/**
 * One event of a run's feed: {@code id} is its offset in the journal's tag query (what a client
 * sends back as Last-Event-ID), {@code step} its 1-based place in the run's timeline, {@code progress}
 * the line `run` prints for it (null when none), {@code last} marks the run's end event.
 */
public record FeedEvent(long id, long step, long time, String role, String event, long invocation,
        String action, String key, long tokens, double costUsd, String summary, String progress, boolean last) {

    static FeedEvent of(long id, Step step) {
        return new FeedEvent(id, step.number(), step.timestamp(), step.role(), step.type(), step.invocation(),
                step.action(), step.effectKey(), step.tokens(), step.costUsd(), step.summary(), ProgressLine.of(step),
                step.event() instanceof Company.RunEnded);
    }
}
