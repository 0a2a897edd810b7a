package dev.softwarefactory.node;

import akka.actor.NoSerializationVerificationNeeded;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import dev.softwarefactory.llmgateway.NodeRoles;
import dev.softwarefactory.runtime.JsonSerializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The model server specs the gateway nodes of a cluster serve. A run's model calls are made by the
 * sharded actors of its spec, which live on gateway nodes, and a node starts a spec's actors only
 * when it opens the spec: a run started on another node with a spec no gateway node had opened had
 * nowhere to make its calls and waited forever. So every node tells each gateway node (found through
 * the receptionist) the specs it opened, and tells them all again to a gateway node that joins or
 * restarts; a gateway node opens each spec it is told.
 */
final class GatewaySpecs {
    private static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "gateway-specs");
    private final ActorRef<Command> actor;

    sealed interface Command extends JsonSerializable {
    }

    /** To a gateway node: open this spec (its actors) here. */
    record Open(String spec) implements Command {
    }

    private record Opened(String spec) implements Command, NoSerializationVerificationNeeded {
    }

    private record Listed(Receptionist.Listing listing) implements Command, NoSerializationVerificationNeeded {
    }

    private GatewaySpecs(ActorRef<Command> actor) {
        this.actor = actor;
    }

    /** {@code open} opens a spec on this node (idempotent); used when this node is a gateway node. */
    static GatewaySpecs start(ActorSystem<?> system, Consumer<String> open) {
        List<String> roles = NodeRoles.configured(system);
        boolean gateway = roles.isEmpty() || roles.contains(NodeRoles.GATEWAY);
        return new GatewaySpecs(system.systemActorOf(behavior(open, gateway), "gateway-specs", Props.empty()));
    }

    /** This node opened a spec: the gateway nodes open it too. */
    void opened(String spec) {
        actor.tell(new Opened(spec));
    }

    private static Behavior<Command> behavior(Consumer<String> open, boolean gateway) {
        return Behaviors.setup(context -> {
            ActorRef<Receptionist.Command> receptionist = context.getSystem().receptionist();
            if (gateway) {
                receptionist.tell(Receptionist.register(KEY, context.getSelf()));
            }
            receptionist.tell(Receptionist.subscribe(KEY,
                    context.messageAdapter(Receptionist.Listing.class, Listed::new)));
            Set<String> specs = new HashSet<>();
            Set<ActorRef<Command>> gateways = new HashSet<>();
            return Behaviors.receive(Command.class)
                    .onMessage(Opened.class, opened -> {
                        if (specs.add(opened.spec())) {
                            gateways.stream().filter(g -> !g.equals(context.getSelf()))
                                    .forEach(g -> g.tell(new Open(opened.spec())));
                        }
                        return Behaviors.same();
                    })
                    .onMessage(Open.class, request -> {
                        try {
                            open.accept(request.spec());
                        } catch (RuntimeException e) {
                            context.getLog().warn("cannot open model {} for the cluster's runs: {}",
                                    request.spec(), e.getMessage());
                        }
                        return Behaviors.same();
                    })
                    .onMessage(Listed.class, listed -> {
                        Set<ActorRef<Command>> now = listed.listing().getServiceInstances(KEY);
                        for (ActorRef<Command> joined : now) {
                            if (!gateways.contains(joined) && !joined.equals(context.getSelf())) {
                                specs.forEach(spec -> joined.tell(new Open(spec)));
                            }
                        }
                        gateways.clear();
                        gateways.addAll(now);
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
