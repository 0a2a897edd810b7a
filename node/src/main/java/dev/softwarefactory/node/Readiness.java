package dev.softwarefactory.node;

import akka.actor.typed.ActorSystem;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import dev.softwarefactory.llmgateway.NodeRoles;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Whether a node can take runs: it is up in its cluster, and so is a node that runs the Companies
 * and roles (one with the {@code worker} role where nodes have roles; any node where they do not).
 * Before that, a run submitted to it would wait for a node to run it.
 */
public final class Readiness {
    private Readiness() {
    }

    /** Why the node cannot take runs yet; empty when it can. */
    public static Optional<String> notReadyBecause(ActorSystem<?> system) {
        Cluster cluster = Cluster.get(system);
        if (cluster.selfMember().status() != MemberStatus.up()) {
            return Optional.of("the node has not joined its cluster yet");
        }
        if (NodeRoles.configured(system).isEmpty()) {
            return Optional.empty();
        }
        boolean workerUp = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .anyMatch(member -> member.status() == MemberStatus.up() && member.hasRole(NodeRoles.WORKER));
        return workerUp ? Optional.empty()
                : Optional.of("no node with the " + NodeRoles.WORKER + " role is up in the cluster yet");
    }
}
