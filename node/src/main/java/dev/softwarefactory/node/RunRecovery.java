package dev.softwarefactory.node;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.FactoryNode;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunSummary;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * In a cluster, when a node is removed (downed by the Split Brain Resolver after it died), wakes
 * every unfinished run: sharding starts entities only when they get a message, so the Companies
 * and roles that lived on that node would otherwise wait for one. Woken, they start on the
 * remaining nodes and resume from the journal. Every node does this; waking a run twice is harmless.
 */
public final class RunRecovery {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

    private RunRecovery() {
    }

    public static void start(ActorSystem<?> system, FactoryNode node) {
        system.systemActorOf(behavior(node), "run-recovery", Props.empty());
    }

    private static Behavior<ClusterEvent.MemberRemoved> behavior(FactoryNode node) {
        return Behaviors.setup(context -> {
            Cluster.get(context.getSystem()).subscriptions()
                    .tell(Subscribe.create(context.getSelf(), ClusterEvent.MemberRemoved.class));
            return Behaviors.receiveMessage(removed -> {
                context.getLog().info("node {} left the cluster; waking the unfinished runs",
                        removed.member().address());
                ActorSystem<?> system = context.getSystem();
                // The catalog reads the journal and blocks: not on the actor's thread.
                CompletableFuture.runAsync(() -> wakeUnfinished(system, node));
                return Behaviors.same();
            });
        });
    }

    private static void wakeUnfinished(ActorSystem<?> system, FactoryNode node) {
        for (RunSummary run : new RunCatalog(system).runs()) {
            if (run.outcome() == Outcome.RUNNING) {
                node.company(run.runId()).<Company.Status>ask(Company.Resume::new, ASK_TIMEOUT)
                        .whenComplete((status, failure) -> {
                            if (failure != null) {
                                system.log().warn("could not wake run {}: {}", run.runId(), failure.getMessage());
                            }
                        });
            }
        }
    }
}
