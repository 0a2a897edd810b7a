package dev.softwarefactory.roles;

import dev.softwarefactory.actions.Design;
import dev.softwarefactory.actions.FixBug;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.actions.Review;
import dev.softwarefactory.actions.ReviseTests;
import dev.softwarefactory.actions.RunTests;
import dev.softwarefactory.actions.WriteTests;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleMemory;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Once the code is ready (review approved, or fixed), writes the tests if there are none yet, and
 * runs them: after the tests are written, after every fix, and after the Architect revised the
 * dependency list. The tests are QA's: it decides on the Engineer's requests to change one (it watches
 * bug reports to see the failure a request answers). Green tests that let too many mutants live come
 * back as a WEAK report, and QA strengthens them.
 */
public final class QaEngineer extends ReactingRole {
    public static final String NAME = "QaEngineer";

    public QaEngineer(Duration testTimeout, PackageSources sources, MutationCheck.Settings mutation) {
        this(new RunTests(testTimeout, sources, mutation));
    }

    private QaEngineer(RunTests runTests) {
        super(Set.of(MessageTypes.PRD, MessageTypes.SYSTEM_DESIGN), Set.of(MessageTypes.BUG_REPORT), List.of(
                Reaction.on(MessageTypes.TEST_CODE, runTests),
                Reaction.on(MessageTypes.TEST_CHANGE_REQUEST, new ReviseTests()),
                new Reaction(MessageTypes.CODE_REVIEW, (m, memory) -> approved(m) && !testsWritten(memory),
                        new WriteTests()),
                new Reaction(MessageTypes.CODE_CHANGE, (m, memory) -> fixed(m) && !testsWritten(memory),
                        new WriteTests()),
                new Reaction(MessageTypes.CODE_CHANGE, (m, memory) -> fixed(m) && testsWritten(memory), runTests),
                new Reaction(MessageTypes.SYSTEM_DESIGN, (m, memory) -> Design.revised(m.content())
                        && testsWritten(memory), runTests),
                Reaction.onContent(MessageTypes.TEST_REPORT, RunTests.WEAK, new WriteTests())));
    }

    private static boolean approved(Message message) {
        return message.content().startsWith(Review.APPROVED);
    }

    private static boolean fixed(Message message) {
        return message.content().startsWith(FixBug.FIXED);
    }

    private static boolean testsWritten(RoleMemory memory) {
        return memory.observed().stream().anyMatch(m -> m.type().equals(MessageTypes.TEST_CODE));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String profile() {
        return "Ensure the project passes its real tests";
    }
}
