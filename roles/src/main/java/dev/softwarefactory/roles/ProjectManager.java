package dev.softwarefactory.roles;

import dev.softwarefactory.actions.Design;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.RunTests;
import dev.softwarefactory.actions.WriteReadme;
import dev.softwarefactory.actions.WriteTasks;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleMemory;
import java.util.List;
import java.util.Set;

/**
 * Splits the design into tasks; once the tests pass, delivers the README and dependency file from the
 * environment they passed in.
 */
public final class ProjectManager extends ReactingRole {
    public static final String NAME = "ProjectManager";

    public ProjectManager() {
        super(Set.of(MessageTypes.PRD), Set.of(MessageTypes.ENVIRONMENT), List.of(
                new Reaction(MessageTypes.SYSTEM_DESIGN, (m, memory) -> !Design.revised(m.content()), new WriteTasks()),
                new Reaction(MessageTypes.TEST_REPORT, (m, memory) -> m.content().startsWith(RunTests.PASSED)
                        && environmentArrived(m, memory), new WriteReadme())));
    }

    /**
     * QA sends the environment the tests passed in before its green report, from the same action; topics
     * do not order types, so the README waits for it. A report that is its action's first message was
     * sent by a version that sent no environment (a run recorded then and resumed now): nothing to wait for.
     */
    private static boolean environmentArrived(Message report, RoleMemory memory) {
        String action = report.id().substring(0, report.id().lastIndexOf('/') + 1);
        return report.id().endsWith("/1") || memory.observed().stream().anyMatch(
                m -> m.type().equals(MessageTypes.ENVIRONMENT) && m.id().startsWith(action));
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
