package dev.softwarefactory.runtime;

import dev.softwarefactory.runtime.action.Action;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A role of the company: who it is, what it watches, and how it picks its next action. */
public interface RoleDefinition {
    String name();

    String profile();

    Set<String> watches();

    List<Action> actions();

    /** The next action to run for the role's memory, with the ids of the messages it takes. */
    Optional<Plan> next(RoleMemory memory);

    record Plan(String action, List<String> inputIds) {
    }

    default Action action(String name) {
        return actions().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name() + " has no action " + name));
    }
}
