package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role whose journal cannot be trusted ends its run FAILED, naming the role and the cause, and
 * calls no model: neither when replaying an event fails nor when events are missing from it.
 */
class DamagedRoleJournalTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static PersistenceTestKit journal;
    static ExecutorService threads = Executors.newCachedThreadPool();
    static final AtomicInteger modelCalls = new AtomicInteger();
    static FactoryNode node;

    @BeforeAll
    static void startNode() {
        kit = OneNodeKit.create("damaged-role-journal-test");
        journal = PersistenceTestKit.create(kit.system());
        LlmClient scripted = new ScriptedModel(List.of(new ScriptEntry("Write", null, "a draft", 0)), "test");
        LlmClient counting = new LlmClient() {
            @Override
            public CompletionStage<LlmReply> complete(LlmRequest request) {
                modelCalls.incrementAndGet();
                return scripted.complete(request);
            }

            @Override
            public String describe() {
                return "counting";
            }
        };
        node = FactoryNode.start(kit.system(), new TestCompany(), new RoleServices(counting, workspaces,
                new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100), Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    @Test
    void aRoleWhoseEventsCannotBeReplayedEndsTheRunNamingTheRoleAndTheCause() {
        String run = "unreplayable";
        // An action completed that never started: the event handler has no action to complete.
        journal.persistForRecovery("Role-Writer|" + run, List.of(new RoleActor.ActionCompleted(1, List.of(),
                Usage.NONE)));

        Company.Status end = startAndAwaitEnd(run);

        assertEquals(Outcome.FAILED, end.outcome());
        assertTrue(end.reason().startsWith("Writer's recovery failed: its journal cannot be replayed ("),
                end.reason());
        assertEquals(0, modelCalls.get(), "the model was called");
    }

    @Test
    void aRoleWithEventsMissingFromItsJournalEndsTheRunSayingHowManyAreMissing() {
        String run = "gap";
        String writer = "Role-Writer|" + run;
        journal.persistForRecovery(writer, List.of(observed(run, "a"), observed(run, "b")));
        // Both are lost; the journal still numbers the next event 3.
        journal.clearByIdPreservingSeqNumbers(writer);
        journal.persistForRecovery(writer, List.of(observed(run, "c")));

        Company.Status end = startAndAwaitEnd(run);

        assertEquals(Outcome.FAILED, end.outcome());
        assertEquals("Writer's recovery failed: its journal is damaged: 2 of 3 events are missing", end.reason());
        assertEquals(0, modelCalls.get(), "the model was called");
    }

    private static RoleActor.MessageObserved observed(String run, String id) {
        return new RoleActor.MessageObserved(new LoggedMessage(1, new Message(run + "/" + id, run, "Note", "User",
                List.of(), null, id)));
    }

    private static Company.Status startAndAwaitEnd(String run) {
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company(run).tell(new Company.Start(new RunConfig("write", "scripted:test", List.of("Writer", "Reviewer"),
                10, 0), started.getRef()));
        started.receiveMessage(WAIT);
        TestProbe<Company.Status> probe = kit.createTestProbe();
        return probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            node.company(run).tell(new Company.GetStatus(probe.getRef()));
            Company.Status status = probe.receiveMessage();
            assertTrue(status.outcome() != Outcome.RUNNING);
            return status;
        });
    }
}
