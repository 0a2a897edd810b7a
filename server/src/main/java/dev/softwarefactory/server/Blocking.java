package dev.softwarefactory.server;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs the node's calls that wait (journal reads, asks to a run) on Akka's blocking dispatcher, so
 * that the HTTP server's own threads never wait.
 */
public final class Blocking {
    private final Executor executor;

    public Blocking(ActorSystem<?> system) {
        this.executor = system.dispatchers().lookup(DispatcherSelector.blocking());
    }

    public <T> CompletionStage<T> call(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }
}
