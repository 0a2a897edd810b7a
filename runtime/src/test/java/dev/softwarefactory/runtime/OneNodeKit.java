package dev.softwarefactory.runtime;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** A test node: a one-node cluster on the in-memory persistence test kit, with the node's defaults. */
final class OneNodeKit {
    private OneNodeKit() {
    }

    static ActorTestKit create(String name) {
        return create(name, ConfigFactory.empty());
    }

    /** With {@code settings} over the defaults. */
    static ActorTestKit create(String name, Config settings) {
        ActorTestKit kit = ActorTestKit.create(name, settings.withFallback(PersistenceTestKitPlugin.getInstance().config())
                .withFallback(NodeConfig.nodeDefaults()));
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        return kit;
    }
}
