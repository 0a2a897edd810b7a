package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.stream.javadsl.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An entity's journaled events, read a page at a time. LevelDB's current query by persistence id
 * never completes when its replay needs a second round that brings back a single event (Akka 2.8.5:
 * 101 events read from the first stop after 100, while 100, 196 or the same 101 read from the second
 * complete), and a run whose Company logged 101 events then hung every listing. A page of at most
 * {@link #PAGE} events (LevelDB's query buffer) is always read in one round.
 */
final class EntityEvents {
    static final int PAGE = 100;

    private EntityEvents() {
    }

    /** Every event of {@code persistenceId}, oldest first; {@code await} waits for one page. */
    static List<EventEnvelope> all(CurrentEventsByPersistenceIdQuery query, ActorSystem<?> system,
            String persistenceId, Function<CompletionStage<List<EventEnvelope>>, List<EventEnvelope>> await) {
        List<EventEnvelope> events = new ArrayList<>();
        for (long from = 1; ; from += PAGE) {
            List<EventEnvelope> page = await.apply(query.currentEventsByPersistenceId(persistenceId, from,
                    from + PAGE - 1).runWith(Sink.seq(), system));
            events.addAll(page);
            if (page.size() < PAGE) {
                return events;
            }
        }
    }
}
