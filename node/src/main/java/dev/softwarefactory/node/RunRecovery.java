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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * In a cluster, when a node is removed (downed by the Split Brain Resolver after it died, or left),
 * wakes every unfinished run: sharding starts entities only when they get a message, so the
 * Companies and roles that lived on that node would otherwise wait for one. Woken, they start on the
 * remaining nodes and resume from the journal. Every node does this; waking a run twice is harmless.
 * A Company that does not answer (its shard is still being handed over, which can take longer than
 * an ask while the cluster settles) is asked again until it does: a run not woken stays still.
 */
public final class RunRecovery {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);
    private final ActorSystem<?> system;
    private final FactoryNode node;
    /** Runs being woken now, so that a second node leaving does not start a second round of asks. */
    private final Set<String> waking = ConcurrentHashMap.newKeySet();

    private RunRecovery(ActorSystem<?> system, FactoryNode node) {
        this.system = system;
        this.node = node;
    }

    public static void start(ActorSystem<?> system, FactoryNode node) {
        RunRecovery recovery = new RunRecovery(system, node);
        system.systemActorOf(recovery.behavior(), "run-recovery", Props.empty());
    }

    private Behavior<ClusterEvent.MemberRemoved> behavior() {
        return Behaviors.setup(context -> {
            Cluster.get(context.getSystem()).subscriptions()
                    .tell(Subscribe.create(context.getSelf(), ClusterEvent.MemberRemoved.class));
            return Behaviors.receiveMessage(removed -> {
                context.getLog().info("node {} left the cluster; waking the unfinished runs",
                        removed.member().address());
                // The catalog reads the journal and blocks: not on the actor's thread.
                CompletableFuture.runAsync(this::wakeUnfinished);
                return Behaviors.same();
            });
        });
    }

    private void wakeUnfinished() {
        for (RunSummary run : new RunCatalog(system).runs()) {
            if (run.outcome() == Outcome.RUNNING && waking.add(run.runId())) {
                wake(run.runId(), 1);
            }
        }
    }

    private void wake(String runId, int attempt) {
        node.company(runId).<Company.Status>ask(Company.Resume::new, ASK_TIMEOUT)
                .whenComplete((status, error) -> {
                    Throwable failure = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (failure instanceof TimeoutException && !system.whenTerminated().isCompleted()) {
                        system.log().warn("run {} not woken yet (attempt {}: {}); asking again", runId, attempt,
                                failure.getMessage());
                        wake(runId, attempt + 1);
                    } else {
                        if (failure != null && !system.whenTerminated().isCompleted()) {
                            system.log().warn("could not wake run {}: {}", runId, failure.getMessage());
                        }
                        waking.remove(runId);
                    }
                });
    }
}
