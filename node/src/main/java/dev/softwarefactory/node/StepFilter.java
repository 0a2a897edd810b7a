package dev.softwarefactory.node;

import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.replay.Step;
import java.util.Optional;

/**
 * The timeline's filters, as `replay --role/--type` reads them: a role, and a type that is an event
 * (MessagePublished), an effect kind (llm, file, exec, now) or a message type (Prd, BugReport).
 */
public record StepFilter(Optional<String> role, Optional<String> type) {
    public static final StepFilter ALL = new StepFilter(Optional.empty(), Optional.empty());

    public boolean matches(Step step) {
        if (role.isPresent() && !role.get().equals(step.role())) {
            return false;
        }
        return type.isEmpty() || type.get().equals(step.type()) || step.effectKey().startsWith(type.get() + ":")
                || type.get().equals(messageType(step));
    }

    private static String messageType(Step step) {
        if (step.event() instanceof Company.MessagePublished e) {
            return e.entry().message().type();
        }
        if (step.event() instanceof RoleActor.MessageObserved e) {
            return e.entry().message().type();
        }
        return "";
    }
}
