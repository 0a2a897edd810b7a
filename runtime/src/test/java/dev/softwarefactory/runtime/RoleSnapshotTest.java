package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.persistence.testkit.SnapshotMeta;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.typesafe.config.ConfigFactory;
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

/**
 * A role that took snapshots recovers from the latest one plus the events after it, through the
 * jackson-json serializer, to the state it had. The run's Company is real; the role's other
 * entities are stand-ins, so that the role under test is the only writer of its journal.
 */
class RoleSnapshotTest {
    private static final String RUN = "snap";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void startRun() {
        kit = ActorTestKit.create("role-snapshot-test", ConfigFactory.parseString("""
                software-factory.snapshot-every = 4
                akka.persistence.testkit.events.serialize = on
                akka.persistence.testkit.snapshots.serialize = on
                """).withFallback(EventSourcedBehaviorTestKit.config()).withFallback(NodeConfig.nodeDefaults()));
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        ClusterSharding sharding = ClusterSharding.get(kit.system());
        sharding.init(Entity.of(Company.KEY, ctx -> Company.create(ctx.getEntityId(), new TestCompany())));
        for (String role : List.of("Writer", "Sleeper")) {
            sharding.init(Entity.of(RoleActor.key(role), ctx -> Behaviors.empty()));
        }
        TestProbe<akka.Done> started = kit.createTestProbe();
        sharding.entityRefFor(Company.KEY, RUN).tell(new Company.Start(new RunConfig("write a poem", "scripted:test",
                List.of("Writer", "Sleeper"), 10, 0), started.getRef()));
        started.expectMessage(WAIT, akka.Done.getInstance());
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    @Test
    void aRoleRecoversFromItsLatestSnapshotAndTheLaterEventsWithTheSameState() {
        var model = new ScriptedModel(List.of(new ScriptEntry("Write", null, "a draft", 0)), "test");
        RoleServices services = new RoleServices(model, workspaces, new CommandRunner(4096, new Unsandboxed()), threads,
                Duration.ofMillis(100), Duration.ofSeconds(3));
        EventSourcedBehaviorTestKit<RoleActor.Command, RoleActor.Event, RoleActor.State> writer =
                EventSourcedBehaviorTestKit.create(kit.system(), RoleActor.create(RUN, new TestCompany().roles().get(0),
                        services), EventSourcedBehaviorTestKit.disabledSerializationSettings());
        // The requirement comes from the run's log; two more arrive as topic deliveries.
        for (int i = 1; i <= 2; i++) {
            writer.runCommand(new RoleActor.Delivered(new LoggedMessage(100 + i, new Message(RUN + "/extra-" + i, RUN,
                    Message.REQUIREMENT, "User", List.of(), null, "another poem " + i))));
        }
        kit.createTestProbe().awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            RoleActor.State state = writer.getState();
            assertTrue(state.invocations == 3 && state.running == null, "still working");
            return null;
        });
        RoleActor.Snapshot before = RoleSnapshots.of(writer.getState());
        String persistenceId = "Role-Writer|" + RUN;
        List<SnapshotMeta> snapshots = writer.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId)
                .stream().map(akka.japi.Pair::first).toList();
        int events = writer.persistenceTestKit().persistedInStorage(persistenceId).size();
        assertFalse(snapshots.isEmpty(), "no snapshot was taken");
        assertTrue(snapshots.get(snapshots.size() - 1).sequenceNr() < events,
                "the latest snapshot has events after it: " + snapshots + " of " + events);

        RoleActor.State recovered = writer.restart().state();

        assertEquals(before, RoleSnapshots.of(recovered));
        assertEquals(3, before.llmCounts().get(RoleEvents.llmCountKey("Write", "draft.md")));
    }
}
