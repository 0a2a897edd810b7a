package dev.softwarefactory.server;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs the node's calls that wait (journal reads, asks to a run) on the API's own blocking
 * dispatcher, so that the HTTP server's threads never wait and the API does not queue behind other
 * blocking work of the node.
 */
public final class Blocking {
    static final String DISPATCHER = "software-factory.api.blocking-dispatcher";
    private final Executor executor;

    public Blocking(ActorSystem<?> system) {
        this.executor = system.dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER));
    }

    public <T> CompletionStage<T> call(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }
}
