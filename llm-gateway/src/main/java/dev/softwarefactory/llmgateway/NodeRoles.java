package dev.softwarefactory.llmgateway;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.Entity;
import java.util.List;

/**
 * Where entity types live in a cluster. Nodes with roles ({@code akka.cluster.roles}, e.g.
 * {@code --node-roles gateway,worker}) hold only the entity types of their roles and reach the
 * others through a proxy; without roles every node holds everything. Give every node of a cluster
 * roles, or none.
 */
public final class NodeRoles {
    /** Holds the model backends' actors and makes the model calls. */
    public static final String GATEWAY = "gateway";
    /** Holds the runs' Company and role actors, and so runs their actions and commands. */
    public static final String WORKER = "worker";

    private NodeRoles() {
    }

    public static <M, E> Entity<M, E> place(ActorSystem<?> system, Entity<M, E> entity, String role) {
        return configured(system).isEmpty() ? entity : entity.withRole(role);
    }

    /** This node's roles as configured (without the data-center role Akka adds). */
    public static List<String> configured(ActorSystem<?> system) {
        return system.settings().config().getStringList("akka.cluster.roles");
    }
}
