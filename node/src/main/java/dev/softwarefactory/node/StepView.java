package dev.softwarefactory.node;

import dev.softwarefactory.runtime.replay.Step;

/**
 * A timeline step as the API shows it (the columns of `replay`); {@code data} is the journaled event
 * itself (a model call's prompt and answer, a file's content, a command's output, a message), only
 * when one step is asked for.
 */
public record StepView(long step, long time, String role, String event, long invocation, String action, String key,
        long tokens, double costUsd, String summary, Object data) {

    static StepView row(Step step) {
        return new StepView(step.number(), step.timestamp(), step.role(), step.type(), step.invocation(),
                step.action(), step.effectKey(), step.tokens(), step.costUsd(), step.summary(), null);
    }

    static StepView full(Step step) {
        return new StepView(step.number(), step.timestamp(), step.role(), step.type(), step.invocation(),
                step.action(), step.effectKey(), step.tokens(), step.costUsd(), step.summary(), step.event());
    }
}
