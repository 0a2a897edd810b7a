package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.persistence.typed.SnapshotAdapter;
import akka.persistence.typed.javadsl.RetentionCriteria;
import java.util.function.Function;

/**
 * How the Company and the roles snapshot: every {@code software-factory.snapshot-every} events, with
 * their mutable state stored as a serializable record. Events are kept: the run's timeline reads them.
 */
final class Snapshots {
    private Snapshots() {
    }

    static RetentionCriteria retention(ActorSystem<?> system) {
        return RetentionCriteria.snapshotEvery(system.settings().config().getInt("software-factory.snapshot-every"), 2);
    }

    static <S, R> SnapshotAdapter<S> adapter(Function<S, R> toRecord, Function<R, S> fromRecord, Class<R> type) {
        return new SnapshotAdapter<>() {
            @Override
            public Object toJournal(S state) {
                return toRecord.apply(state);
            }

            @Override
            public S fromJournal(Object from) {
                return fromRecord.apply(type.cast(from));
            }
        };
    }
}
