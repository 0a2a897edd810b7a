package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SOP can end a run that cannot usefully go on, long before the round limit, saying why. */
class CompanyStopTest {
    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static ExecutorService threads = Executors.newCachedThreadPool();

    /** Ends the run at a review that does not approve, counting the drafts in the log it is shown. */
    static final class StopsAtARejection implements Sop {
        private final TestCompany plain = new TestCompany();

        @Override
        public List<RoleDefinition> roles() {
            return plain.roles();
        }

        @Override
        public Optional<String> completes(Message message) {
            return plain.completes(message);
        }

        @Override
        public Optional<String> stops(Message message, List<Message> log) {
            long drafts = log.stream().filter(m -> m.type().equals(TestCompany.DRAFT)).count();
            return message.type().equals(TestCompany.REVIEW) && log.get(log.size() - 1) == message
                    && !message.content().startsWith("APPROVED")
                    ? Optional.of("not approved after " + drafts + " draft: " + message.content()) : Optional.empty();
        }
    }

    @BeforeAll
    static void startNode() {
        kit = OneNodeKit.create("company-stop-test");
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    @Test
    void aRunTheSopStopsEndsFailedWithTheSopsReason() {
        ScriptedModel model = new ScriptedModel(List.of(new ScriptEntry("Write", "draft.md", "a draft", 0),
                new ScriptEntry("Review", null, "REJECTED: too short", 0)), "test");
        FactoryNode node = FactoryNode.start(kit.system(), new StopsAtARejection(), new RoleServices(model,
                workspaces, new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100),
                Duration.ofSeconds(3)));
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company("stopped").tell(new Company.Start(new RunConfig("write", "scripted:test",
                List.of("Writer", "Reviewer"), 50, 0), started.getRef()));
        started.receiveMessage(Duration.ofSeconds(20));
        TestProbe<Company.Status> probe = kit.createTestProbe();
        Company.Status end = probe.awaitAssert(Duration.ofSeconds(20), Duration.ofMillis(50), () -> {
            node.company("stopped").tell(new Company.GetStatus(probe.getRef()));
            Company.Status status = probe.receiveMessage();
            assertTrue(status.outcome() != Outcome.RUNNING);
            return status;
        });

        assertEquals(Outcome.FAILED, end.outcome());
        assertEquals("not approved after 1 draft: REJECTED: too short", end.reason());
        assertEquals(2, end.rounds());
    }
}
