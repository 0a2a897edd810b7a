package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import com.typesafe.config.Config;
import dev.softwarefactory.llmgateway.NodeRoles;

/**
 * Registers the Company and every role of an SOP with Cluster Sharding on this node. In a cluster
 * with node roles, runs live on {@code worker} nodes, and a role named in
 * {@code software-factory.role-placement} (e.g. {@code QaEngineer = qa}) on the nodes of that node role.
 */
public final class FactoryNode {
    private final ClusterSharding sharding;

    private FactoryNode(ClusterSharding sharding) {
        this.sharding = sharding;
    }

    public static FactoryNode start(ActorSystem<?> system, Sop sop, RoleServices services) {
        ClusterSharding sharding = ClusterSharding.get(system);
        // With a shared journal a role may run where another node's role wrote the files.
        RoleServices placed = sharedJournal(system) ? services.withWorkspaceSync(WorkspaceSync.of(system, sop))
                : services;
        sharding.init(NodeRoles.place(system, Entity.of(Company.KEY, ctx -> Company.create(ctx.getEntityId(), sop)),
                NodeRoles.WORKER));
        Config placement = system.settings().config().getConfig("software-factory.role-placement");
        for (RoleDefinition role : sop.roles()) {
            String nodeRole = placement.hasPath(role.name()) ? placement.getString(role.name()) : NodeRoles.WORKER;
            sharding.init(NodeRoles.place(system, Entity.of(RoleActor.key(role.name()),
                    ctx -> RoleActor.create(ctx.getEntityId(), role, placed)), nodeRole));
        }
        return new FactoryNode(sharding);
    }

    private static boolean sharedJournal(ActorSystem<?> system) {
        return !system.settings().config().getString("software-factory.journal").strip().equals("leveldb");
    }

    public EntityRef<Company.Command> company(String runId) {
        return sharding.entityRefFor(Company.KEY, runId);
    }
}
