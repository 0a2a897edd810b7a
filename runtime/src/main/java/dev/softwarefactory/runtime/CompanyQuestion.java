package dev.softwarefactory.runtime;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A question an action's thread asks its run's Company and waits for. In a cluster the Company may
 * be between nodes for tens of seconds after a node's loss (downing, then the shard's hand-over);
 * an action that gave up then would end its run FAILED over a node that its run outlives. So a
 * question not answered in time is asked again, for as long as the node is up.
 */
final class CompanyQuestion {
    private CompanyQuestion() {
    }

    /** The Company's answer; throws IllegalStateException saying {@code what} went unanswered when the node stops. */
    static <T> T ask(ActorSystem<?> system, EntityRef<Company.Command> company,
            Function<ActorRef<T>, Company.Command> question, Duration timeout, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                return company.ask(question::apply, timeout).toCompletableFuture().join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (!(cause instanceof TimeoutException) || system.whenTerminated().isCompleted()
                        || Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException(what + ": " + cause.getMessage(), cause);
                }
                system.log().warn("the Company of run {} did not answer within {} ({}, attempt {}); asking again",
                        company.getEntityId(), timeout, what, attempt);
            }
        }
    }
}
