package dev.softwarefactory.roles;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.ReviseDependencies;
import dev.softwarefactory.actions.WriteDesign;
import java.util.List;
import java.util.Set;

/**
 * Designs language, files, interfaces, dependencies and commands from the PRD, and owns the dependency
 * list: a dependency problem QA finds comes back here to be revised.
 */
public final class Architect extends ReactingRole {
    public static final String NAME = "Architect";

    public Architect() {
        super(Set.of(), Set.of(MessageTypes.SYSTEM_DESIGN), List.of(Reaction.on(MessageTypes.PRD, new WriteDesign()),
                Reaction.on(MessageTypes.DEPENDENCY_PROBLEM, new ReviseDependencies())));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String profile() {
        return "Design a concise, usable, complete software system";
    }
}
