package dev.softwarefactory.llmgateway.gateway;

import akka.actor.NoSerializationVerificationNeeded;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.RecipientRef;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import dev.softwarefactory.llmgateway.LlmFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where to send a backend's messages: straight to its entity once a permit has told us where it
 * lives (two mailbox hops fewer per message than through the shard region, which matters at
 * hundreds of requests in flight), else through sharding. A watcher forgets an entity that stops
 * or whose node leaves, so messages go through sharding again and find it wherever it restarts, and
 * tells whoever waits for an answer from it that none will come.
 */
final class DirectRoutes {
    private static final LlmFailure LOST = new LlmFailure("its actor stopped or its node left the cluster", true);
    private final Map<String, EntityRef<LlmBackend.Command>> sharded;
    private final Map<String, ActorRef<LlmBackend.Command>> direct = new ConcurrentHashMap<>();
    /** Per entity, the answers awaited from it; failed when it is lost. */
    private final Map<ActorRef<LlmBackend.Command>, Set<CompletableFuture<?>>> awaited = new ConcurrentHashMap<>();
    /** Entities known lost (one per stopped incarnation: a handful over a node's life). */
    private final Set<ActorRef<LlmBackend.Command>> lost = ConcurrentHashMap.newKeySet();
    private final ActorRef<Watch> watcher;

    /** To this node's own watcher only, never across nodes. */
    private record Watch(String backend, ActorRef<LlmBackend.Command> entity)
            implements NoSerializationVerificationNeeded {
    }

    DirectRoutes(ActorSystem<?> system, Map<String, EntityRef<LlmBackend.Command>> sharded, String name) {
        this.sharded = Map.copyOf(sharded);
        this.watcher = system.systemActorOf(watcher(), name, Props.empty());
    }

    RecipientRef<LlmBackend.Command> to(String backend) {
        ActorRef<LlmBackend.Command> entity = direct.get(backend);
        return entity != null ? entity : sharded.get(backend);
    }

    /**
     * Fails {@code answer} with a retryable failure if the entity {@link #to} returned stops or its node
     * leaves the cluster before it comes: a message sent to it then is never answered, and an ask
     * would wait for its whole timeout.
     */
    void failIfLost(ActorRef<LlmBackend.Command> entity, CompletableFuture<?> answer) {
        Set<CompletableFuture<?>> waiting = awaited.computeIfAbsent(entity, ref -> ConcurrentHashMap.newKeySet());
        waiting.add(answer);
        answer.whenComplete((value, failure) -> waiting.remove(answer));
        if (lost.contains(entity)) {
            answer.completeExceptionally(LOST);
        }
    }

    void learned(String backend, ActorRef<LlmBackend.Command> entity) {
        if (!entity.equals(direct.get(backend))) {
            watcher.tell(new Watch(backend, entity));
        }
    }

    private Behavior<Watch> watcher() {
        return Behaviors.setup(context -> Behaviors.receive(Watch.class)
                .onMessage(Watch.class, watch -> {
                    context.watch(watch.entity());
                    direct.put(watch.backend(), watch.entity());
                    return Behaviors.same();
                })
                .onSignal(Terminated.class, terminated -> {
                    ActorRef<LlmBackend.Command> entity = terminated.getRef().unsafeUpcast();
                    direct.values().removeIf(ref -> ref.equals(entity));
                    lost.add(entity);
                    Set<CompletableFuture<?>> waiting = awaited.remove(entity);
                    if (waiting != null) {
                        waiting.forEach(answer -> answer.completeExceptionally(LOST));
                    }
                    return Behaviors.same();
                })
                .build());
    }
}
