package dev.softwarefactory.roles;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.WriteCode;
import java.util.Set;

/** Writes the code of every file in the design. */
public final class Engineer extends ReactingRole {
    public static final String NAME = "Engineer";

    public Engineer() {
        super(MessageTypes.SYSTEM_DESIGN, Set.of(), new WriteCode());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String profile() {
        return "Write elegant, readable, extensible, efficient code";
    }
}
