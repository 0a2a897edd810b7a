package dev.softwarefactory.llmgateway.gateway;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.RecipientRef;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where to send a backend's messages: straight to its entity once a permit has told us where it
 * lives (two mailbox hops fewer per message than through the shard region, which matters at
 * hundreds of requests in flight), else through sharding. A watcher forgets an entity that stops
 * or whose node leaves, so messages go through sharding again and find it wherever it restarts.
 */
final class DirectRoutes {
    private final Map<String, EntityRef<LlmBackend.Command>> sharded;
    private final Map<String, ActorRef<LlmBackend.Command>> direct = new ConcurrentHashMap<>();
    private final ActorRef<Watch> watcher;

    private record Watch(String backend, ActorRef<LlmBackend.Command> entity) {
    }

    DirectRoutes(ActorSystem<?> system, Map<String, EntityRef<LlmBackend.Command>> sharded, String name) {
        this.sharded = Map.copyOf(sharded);
        this.watcher = system.systemActorOf(watcher(), name, Props.empty());
    }

    RecipientRef<LlmBackend.Command> to(String backend) {
        ActorRef<LlmBackend.Command> entity = direct.get(backend);
        return entity != null ? entity : sharded.get(backend);
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
                    direct.values().removeIf(ref -> ref.equals(terminated.getRef()));
                    return Behaviors.same();
                })
                .build());
    }
}
