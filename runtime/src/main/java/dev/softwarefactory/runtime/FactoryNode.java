package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;

/** Registers the Company and every role of an SOP with Cluster Sharding on this node. */
public final class FactoryNode {
    private final ClusterSharding sharding;

    private FactoryNode(ClusterSharding sharding) {
        this.sharding = sharding;
    }

    public static FactoryNode start(ActorSystem<?> system, Sop sop, RoleServices services) {
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(Company.KEY, ctx -> Company.create(ctx.getEntityId(), sop)));
        for (RoleDefinition role : sop.roles()) {
            sharding.init(Entity.of(RoleActor.key(role.name()),
                    ctx -> RoleActor.create(ctx.getEntityId(), role, services)));
        }
        return new FactoryNode(sharding);
    }

    public EntityRef<Company.Command> company(String runId) {
        return sharding.entityRefFor(Company.KEY, runId);
    }
}
