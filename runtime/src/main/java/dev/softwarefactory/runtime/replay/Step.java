package dev.softwarefactory.runtime.replay;

/**
 * One event of a run's timeline. {@code number} is its 1-based position in the run's tagged stream;
 * {@code role} is the actor that persisted it ("Company" or a role); {@code event} is the persisted
 * event itself; tokens and cost are set on model calls only; {@code summary} is one line, uncut.
 */
public record Step(long number, long timestamp, String role, String type, long invocation, String action,
        String effectKey, long tokens, double costUsd, String summary, Object event) {
}
