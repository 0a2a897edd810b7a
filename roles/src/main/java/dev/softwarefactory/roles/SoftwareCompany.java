package dev.softwarefactory.roles;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.RunTests;
import java.util.Set;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.Sop;
import java.util.List;
import java.util.Optional;

/** The default SOP: requirement, PRD, design, code, tests; done when a test report passes. */
public final class SoftwareCompany implements Sop {
    private final List<RoleDefinition> roles = List.of(
            new ProductManager(), new Architect(), new Engineer(), new QaEngineer());

    @Override
    public List<RoleDefinition> roles() {
        return roles;
    }

    @Override
    public Optional<String> completes(Message message) {
        if (message.type().equals(MessageTypes.TEST_REPORT) && message.content().startsWith(RunTests.PASSED)) {
            return Optional.of("the project's tests pass");
        }
        return Optional.empty();
    }
}
