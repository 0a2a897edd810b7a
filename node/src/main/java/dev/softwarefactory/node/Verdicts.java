package dev.softwarefactory.node;

import dev.softwarefactory.actions.AnswerAttempts;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import dev.softwarefactory.runtime.replay.Step;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which recorded answers of a run were rejected: those followed by a retry in the same action
 * invocation, and the last allowed attempt of an invocation that failed (the action gave up on it).
 */
final class Verdicts {
    private final Set<String> answered = new HashSet<>();
    private final Set<String> failed = new HashSet<>();

    Verdicts(List<Step> steps) {
        for (Step step : steps) {
            if (step.event() instanceof RoleActor.EffectRecorded e && e.result() instanceof LlmAnswered) {
                answered.add(id(step.role(), e.invocation(), e.key()));
            } else if (step.event() instanceof RoleActor.ActionFailed e) {
                failed.add(step.role() + "#" + e.invocation());
            }
        }
    }

    boolean rejected(String role, long invocation, String key) {
        return answered.contains(id(role, invocation, AnswerAttempts.next(key)))
                || (AnswerAttempts.attempt(key) == AnswerAttempts.MAX && failed.contains(role + "#" + invocation));
    }

    private static String id(String role, long invocation, String key) {
        return role + "#" + invocation + "#" + key;
    }
}
