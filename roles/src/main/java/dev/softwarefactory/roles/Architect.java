package dev.softwarefactory.roles;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.WriteDesign;
import java.util.Set;

/** Designs files, interfaces and the test command from the PRD. */
public final class Architect extends ReactingRole {
    public static final String NAME = "Architect";

    public Architect() {
        super(MessageTypes.PRD, Set.of(), new WriteDesign());
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
