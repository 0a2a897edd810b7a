package dev.softwarefactory.runtime;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.Behavior;
import akka.actor.typed.BehaviorInterceptor;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node whose Reviewer never gets one seq of the run topic, as if the topic had lost it: the
 * Writer's draft (seq 2) is dropped before the Reviewer sees it. Tests check how it still gets it.
 */
final class DroppingNode implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The Writer takes a moment, so that the Reviewer has started, caught up and subscribed before the draft. */
    private static final List<ScriptEntry> SCRIPT = List.of(
            new ScriptEntry("Write", null, "first draft", 1000),
            new ScriptEntry("Review", null, "APPROVED: reads well", 0));
    private final ActorTestKit kit;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger dropped = new AtomicInteger();

    DroppingNode(String name, Duration catchUpCheck, Sop sop, Path workspaces) {
        kit = OneNodeKit.create(name, ConfigFactory.parseString("software-factory.catch-up-check = "
                + catchUpCheck.toMillis() + "ms"));
        RoleServices services = new RoleServices(new ScriptedModel(SCRIPT, "test"), workspaces,
                new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100), Duration.ofSeconds(3));
        ClusterSharding sharding = ClusterSharding.get(kit.system());
        sharding.init(Entity.of(Company.KEY, ctx -> Company.create(ctx.getEntityId(), sop)));
        for (RoleDefinition role : sop.roles()) {
            sharding.init(Entity.of(RoleActor.key(role.name()), ctx -> {
                Behavior<RoleActor.Command> actor = RoleActor.create(ctx.getEntityId(), role, services);
                return role.name().equals("Reviewer") ? Behaviors.intercept(() -> new DropSeq(2), actor) : actor;
            }));
        }
    }

    /** Runs the company on a requirement and waits for its end. */
    Company.Status run(String runId) {
        EntityRef<Company.Command> company = ClusterSharding.get(kit.system()).entityRefFor(Company.KEY, runId);
        TestProbe<akka.Done> started = kit.createTestProbe();
        company.tell(new Company.Start(new RunConfig("write a poem", "scripted:test", List.of("Writer", "Reviewer"),
                10, 0), started.getRef()));
        started.receiveMessage(WAIT);
        TestProbe<Company.Status> probe = kit.createTestProbe();
        return probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            company.tell(new Company.GetStatus(probe.getRef()));
            Company.Status status = probe.receiveMessage();
            if (status.outcome() == Outcome.RUNNING) {
                throw new AssertionError("run still running: " + status);
            }
            return status;
        });
    }

    /** How many topic deliveries were dropped. */
    int dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    private final class DropSeq extends BehaviorInterceptor<RoleActor.Command, RoleActor.Command> {
        private final long seq;

        DropSeq(long seq) {
            super(RoleActor.Command.class);
            this.seq = seq;
        }

        @Override
        public Behavior<RoleActor.Command> aroundReceive(TypedActorContext<RoleActor.Command> ctx,
                RoleActor.Command msg, ReceiveTarget<RoleActor.Command> target) {
            if (msg instanceof RoleActor.Delivered delivered && delivered.entry().seq() == seq) {
                dropped.incrementAndGet();
                return Behaviors.same();
            }
            return target.apply(ctx, msg);
        }
    }
}
