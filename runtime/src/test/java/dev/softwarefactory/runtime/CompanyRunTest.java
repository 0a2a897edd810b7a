package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.FishingOutcomes;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.eventstream.EventStream;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Company and role behaviour on one node with an in-memory journal. */
class CompanyRunTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<ScriptEntry> SCRIPT = List.of(
            new ScriptEntry("Write", null, "first draft", 0),
            new ScriptEntry("Review", null, "APPROVED: reads well", 0));

    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static FactoryNode node;
    static ExecutorService threads = Executors.newCachedThreadPool();
    static final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void startNode() {
        kit = OneNodeKit.create("company-run-test",
                ConfigFactory.parseString("software-factory.role-retry-interval = 100ms"));
        node = FactoryNode.start(kit.system(), new TestCompany(), new RoleServices(new ScriptedModel(SCRIPT, "test"),
                workspaces, new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100),
                Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    private static String newRunId() {
        return "run" + runs.incrementAndGet();
    }

    private static RunConfig config(List<String> roles, int maxRounds) {
        return new RunConfig("write a poem", "scripted:test", roles, maxRounds, 0);
    }

    private static Company.Status start(String runId, RunConfig config) {
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company(runId).tell(new Company.Start(config, started.getRef()));
        started.expectMessage(WAIT, akka.Done.getInstance());
        return status(runId);
    }

    private static Company.Status status(String runId) {
        TestProbe<Company.Status> probe = kit.createTestProbe();
        node.company(runId).tell(new Company.GetStatus(probe.getRef()));
        return probe.receiveMessage(WAIT);
    }

    private static Company.Status awaitEnd(String runId) {
        TestProbe<Company.Status> probe = kit.createTestProbe();
        return probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            Company.Status status = status(runId);
            assertTrue(status.outcome() != Outcome.RUNNING, "run still running: " + status);
            return status;
        });
    }

    private static List<LoggedMessage> log(String runId) {
        TestProbe<Company.LogSlice> probe = kit.createTestProbe();
        node.company(runId).tell(new Company.ReadLog("test", java.util.Set.of(Message.REQUIREMENT,
                TestCompany.DRAFT, TestCompany.REVIEW), 0, false, probe.getRef()));
        return probe.receiveMessage(WAIT).entries();
    }

    @Test
    void rolesWatchObserveAndActUntilTheSopIsComplete() throws Exception {
        String runId = newRunId();
        start(runId, config(List.of("Writer", "Reviewer"), 10));
        Company.Status end = awaitEnd(runId);
        assertEquals(Outcome.SUCCEEDED, end.outcome());
        assertEquals("the draft is approved", end.reason());
        assertEquals(List.of(Message.REQUIREMENT, TestCompany.DRAFT, TestCompany.REVIEW),
                log(runId).stream().map(e -> e.message().type()).toList());
        assertEquals(2, end.usage().modelCalls());
        assertEquals("first draft", Files.readString(workspaces.resolve(runId).resolve("draft.md")));
    }

    @Test
    void aRoleThatMissedATopicMessageCatchesUpFromTheLog() {
        String runId = newRunId();
        // No role is woken: the requirement is published on a topic nobody is subscribed to yet.
        start(runId, config(List.of(), 10));
        assertEquals(1, status(runId).head());
        ClusterSharding.get(kit.system()).entityRefFor(RoleActor.key("Writer"), runId).tell(RoleActor.Wake.INSTANCE);
        TestProbe<Company.Status> probe = kit.createTestProbe();
        probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            assertEquals(2, status(runId).head());
            return null;
        });
        assertEquals(TestCompany.DRAFT, log(runId).get(1).message().type());
    }

    @Test
    void aDuplicateDeliveryIsIgnored() {
        String runId = newRunId();
        start(runId, config(List.of(), 10));
        TestProbe<Progress> progress = kit.createTestProbe();
        kit.system().eventStream().tell(new EventStream.Subscribe<>(Progress.class, progress.getRef()));
        var writer = ClusterSharding.get(kit.system()).entityRefFor(RoleActor.key("Writer"), runId);
        LoggedMessage requirement = log(runId).get(0);
        writer.tell(new RoleActor.Delivered(requirement));
        writer.tell(new RoleActor.Delivered(requirement));
        writer.tell(new RoleActor.Delivered(requirement));
        TestProbe<Company.Status> probe = kit.createTestProbe();
        probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            assertEquals(2, status(runId).head());
            return null;
        });
        List<Progress> events = progress.fishForMessage(WAIT, p -> !p.runId().equals(runId)
                ? FishingOutcomes.continueAndIgnore()
                : p instanceof Progress.MessagePublished m && m.seq() == 2
                        ? FishingOutcomes.complete() : FishingOutcomes.continueAndCollect());
        assertEquals(1, events.stream().filter(p -> p instanceof Progress.ActionStarted).count());
        kit.createTestProbe().expectNoMessage(Duration.ofMillis(500));
        assertEquals(2, status(runId).head());
        assertEquals(1, status(runId).rounds());
    }

    @Test
    void aRunEndsWhenNoRoleHasWorkLeft() {
        String runId = newRunId();
        start(runId, config(List.of("Writer"), 10));
        Company.Status end = awaitEnd(runId);
        assertEquals(Outcome.FAILED, end.outcome());
        assertTrue(end.reason().startsWith("no role has work left"), end.reason());
    }

    @Test
    void aRunEndsAtTheRoundLimit() {
        String runId = newRunId();
        start(runId, config(List.of("Writer", "Reviewer"), 1));
        Company.Status end = awaitEnd(runId);
        assertEquals(Outcome.FAILED, end.outcome());
        assertEquals("round limit of 1 actions reached", end.reason());
        assertEquals(1, end.rounds());
    }
}
