package dev.softwarefactory.roles;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.RunTests;
import java.util.Set;

/** Runs the project's tests and reports the result. */
public final class QaEngineer extends ReactingRole {
    public static final String NAME = "QaEngineer";

    public QaEngineer() {
        super(MessageTypes.CODE_CHANGE, Set.of(MessageTypes.SYSTEM_DESIGN), new RunTests());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String profile() {
        return "Ensure the code passes its tests";
    }
}
