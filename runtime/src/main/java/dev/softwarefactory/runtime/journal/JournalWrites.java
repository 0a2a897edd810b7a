package dev.softwarefactory.runtime.journal;

import akka.actor.AbstractExtensionId;
import akka.actor.ActorSystem;
import akka.actor.ExtendedActorSystem;
import akka.actor.Extension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * How long the PostgreSQL journal takes to write each batch of events, handed to whoever listens (a
 * node's metrics): Akka's persistence has no hook for it, so the journal plugin is a timed subclass
 * of akka-persistence-jdbc's. LevelDB's cannot be: its query journal refuses a write journal whose
 * class is not LevelDB's own. One per actor system.
 */
public final class JournalWrites implements Extension {
    private static final Id ID = new Id();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    public static JournalWrites get(ActorSystem system) {
        return ID.get(system);
    }

    /** Hands the time of every write from now on, in nanoseconds, to {@code listener}. */
    public void onWrite(LongConsumer listener) {
        listeners.add(listener);
    }

    /** The write, its time taken from {@code startNanos} to its completion, successful or not. */
    Future<Seq<Try<BoxedUnit>>> timed(long startNanos, Future<Seq<Try<BoxedUnit>>> write) {
        FutureConverters.asJava(write).whenComplete((done, failure) -> {
            long nanos = System.nanoTime() - startNanos;
            listeners.forEach(listener -> listener.accept(nanos));
        });
        return write;
    }

    private static final class Id extends AbstractExtensionId<JournalWrites> {
        @Override
        public JournalWrites createExtension(ExtendedActorSystem system) {
            return new JournalWrites();
        }
    }
}
