package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles learn of messages from their run's topic, which may lose one; they do not poll. A lost
 * message is caught up from the run log when a later one reveals the gap, or, when it was the last
 * one, when the Company's delivery check shows the role is behind.
 */
class DroppedTopicMessageTest {
    @TempDir
    Path workspaces;

    @Test
    void aLostMessageFollowedByAnotherIsReadFromTheLogWhenTheGapShows() {
        // The delivery check is an hour away: only the gap can bring the draft to the Reviewer.
        try (DroppingNode node = new DroppingNode("gap-test", Duration.ofHours(1), new DraftAndNoteCompany(),
                workspaces)) {
            Company.Status end = node.run("gap");

            assertEquals(1, node.dropped());
            assertEquals(Outcome.SUCCEEDED, end.outcome(), end.reason());
            assertEquals(4, end.head()); // requirement, draft, note, review
        }
    }

    @Test
    void aLostLastMessageIsReadFromTheLogAfterTheCompanysDeliveryCheck() {
        try (DroppingNode node = new DroppingNode("tail-test", Duration.ofMillis(300), new TestCompany(),
                workspaces)) {
            Company.Status end = node.run("tail");

            assertEquals(1, node.dropped());
            assertEquals(Outcome.SUCCEEDED, end.outcome(), end.reason());
            assertEquals(3, end.head()); // requirement, draft, review
        }
    }

    /** TestCompany whose Writer also publishes a note after its draft, so a lost draft leaves a gap. */
    private static final class DraftAndNoteCompany implements Sop {
        private final TestCompany company = new TestCompany();

        @Override
        public List<RoleDefinition> roles() {
            List<RoleDefinition> roles = new ArrayList<>(company.roles());
            roles.set(0, new TestCompany.OneActionRole("Writer", Message.REQUIREMENT, new WriteWithNote()));
            return roles;
        }

        @Override
        public Optional<String> completes(Message message) {
            return company.completes(message);
        }
    }

    private static final class WriteWithNote implements Action {
        private final Action write = new TestCompany.Write();

        @Override
        public String name() {
            return write.name();
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) throws Exception {
            List<Draft> drafts = new ArrayList<>(write.run(input, context));
            drafts.add(Draft.of("Note", "written in one go"));
            return drafts;
        }
    }
}
