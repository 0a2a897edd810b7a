package dev.softwarefactory.roles;

import dev.softwarefactory.actions.Design;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.RunTests;
import dev.softwarefactory.actions.WriteReadme;
import dev.softwarefactory.actions.WriteTasks;
import java.util.List;
import java.util.Set;

/** Splits the design into tasks; once the tests pass, delivers the README and dependency file. */
public final class ProjectManager extends ReactingRole {
    public static final String NAME = "ProjectManager";

    public ProjectManager() {
        super(Set.of(MessageTypes.PRD), Set.of(), List.of(
                new Reaction(MessageTypes.SYSTEM_DESIGN, (m, memory) -> !Design.revised(m.content()), new WriteTasks()),
                Reaction.onContent(MessageTypes.TEST_REPORT, RunTests.PASSED, new WriteReadme())));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String profile() {
        return "Break the work into tasks and deliver the finished project";
    }
}
