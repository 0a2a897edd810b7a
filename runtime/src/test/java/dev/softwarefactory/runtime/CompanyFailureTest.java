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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing action ends the run and the Company says which role, which action and why. */
class CompanyFailureTest {
    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void startNode() {
        kit = OneNodeKit.create("company-failure-test");
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    @Test
    void aFailedActionEndsTheRunWithItsReason() {
        // The script has no entry for Review: the Reviewer's model call fails.
        ScriptedModel model = new ScriptedModel(List.of(new ScriptEntry("Write", null, "a draft", 0)), "test");
        FactoryNode node = FactoryNode.start(kit.system(), new TestCompany(), new RoleServices(model, workspaces,
                new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100), Duration.ofSeconds(3)));
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company("failing").tell(new Company.Start(new RunConfig("write", "scripted:test",
                List.of("Writer", "Reviewer"), 10, 0), started.getRef()));
        started.receiveMessage(Duration.ofSeconds(20));
        TestProbe<Company.Status> probe = kit.createTestProbe();
        Company.Status end = probe.awaitAssert(Duration.ofSeconds(20), Duration.ofMillis(50), () -> {
            node.company("failing").tell(new Company.GetStatus(probe.getRef()));
            Company.Status status = probe.receiveMessage();
            assertTrue(status.outcome() != Outcome.RUNNING);
            return status;
        });
        assertEquals(Outcome.FAILED, end.outcome());
        assertEquals("Reviewer's Review failed: the scripted model has no entry for Action: Review", end.reason());
    }
}
