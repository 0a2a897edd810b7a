package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.WriteReadme;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RoleMemory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectManagerTest {
    private static final Message PRD = message("run/ProductManager/1/1", MessageTypes.PRD, "prd");
    private static final Message PASSED = message("run/QaEngineer/4/2", MessageTypes.TEST_REPORT, "PASSED (exit 0)");

    private static Message message(String id, String type, String content) {
        return new Message(id, "run", type, "someone", List.of(), null, content);
    }

    private static Optional<String> next(Message... observed) {
        return new ProjectManager().next(new RoleMemory(List.of(observed), Set.of(PRD.id())))
                .map(RoleDefinition.Plan::action);
    }

    @Test
    void aGreenReportWaitsForTheEnvironmentItsTestsRanIn() {
        assertEquals(Optional.empty(), next(PRD, PASSED));
    }

    @Test
    void anEnvironmentOfAnEarlierTestRunDoesNotStandForTheGreenOnesEnvironment() {
        assertEquals(Optional.empty(), next(PRD, message("run/QaEngineer/2/1", MessageTypes.ENVIRONMENT, "{}"), PASSED));
    }

    @Test
    void theReadmeIsWrittenOnceTheGreenRunsEnvironmentArrivedInWhateverOrder() {
        Message environment = message("run/QaEngineer/4/1", MessageTypes.ENVIRONMENT, "{}");

        assertEquals(Optional.of(WriteReadme.NAME), next(PRD, PASSED, environment));
        assertEquals(Optional.of(WriteReadme.NAME), next(PRD, environment, PASSED));
    }

    @Test
    void aGreenReportOfAVersionThatSentNoEnvironmentIsNotWaitedOn() {
        Message alone = message("run/QaEngineer/4/1", MessageTypes.TEST_REPORT, "PASSED (exit 0)");

        assertEquals(Optional.of(WriteReadme.NAME), next(PRD, alone));
    }
}
