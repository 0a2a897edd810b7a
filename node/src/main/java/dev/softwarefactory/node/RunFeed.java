package dev.softwarefactory.node;

import akka.Done;
import akka.NotUsed;
import akka.actor.typed.ActorSystem;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.NoOffset;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.Sequence;
import akka.persistence.query.javadsl.CurrentEventsByTagQuery;
import akka.persistence.query.javadsl.EventsByPersistenceIdQuery;
import akka.persistence.query.javadsl.EventsByTagQuery;
import akka.persistence.query.javadsl.ReadJournal;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.replay.Timeline;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The one source of every live view of a run: its events read back from the journal by the run's
 * tag, in order, with the tag query's offset as the event id. The same on every node of a cluster,
 * unlike the node-local event stream.
 */
public final class RunFeed {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private final ActorSystem<?> system;
    private final EventsByTagQuery byTag;
    private final EventsByPersistenceIdQuery byId;

    public RunFeed(ActorSystem<?> system) {
        this.system = system;
        ReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class,
                system.settings().config().getString("software-factory.query-journal"));
        this.byTag = (EventsByTagQuery) journal;
        this.byId = (EventsByPersistenceIdQuery) journal;
    }

    /**
     * The run's events after the one with id {@code afterId} (0: from its start), live, ending with its
     * end event. Read from the start either way, so that step numbers are the timeline's on any journal.
     */
    public Source<FeedEvent, NotUsed> events(String runId, long afterId) {
        return Source.lazySource(() -> {
            Timeline timeline = new Timeline();
            return byTag.eventsByTag(Company.tag(runId), NoOffset.getInstance())
                    .map(envelope -> FeedEvent.of(id(envelope), timeline.next(envelope)));
        }).mapMaterializedValue(ignored -> NotUsed.getInstance())
                .takeWhile(event -> !event.last(), true)
                .filter(event -> event.id() > afterId);
    }

    /** The id of the run's last journaled event; 0 when it has none. */
    public long lastId(String runId) {
        try {
            return ((CurrentEventsByTagQuery) byTag).currentEventsByTag(Company.tag(runId), NoOffset.getInstance())
                    .map(RunFeed::id).runWith(Sink.fold(0L, (last, id) -> id), system).toCompletableFuture()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    /** Completes when the run's end is journaled (at once for a run that has ended). */
    public CompletionStage<Done> ended(String runId) {
        return byId.eventsByPersistenceId("Company|" + runId, 0, Long.MAX_VALUE)
                .filter(envelope -> envelope.event() instanceof Company.RunEnded)
                .take(1)
                .runWith(Sink.ignore(), system);
    }

    private static long id(EventEnvelope envelope) {
        if (envelope.offset() instanceof Sequence sequence) {
            return sequence.value();
        }
        throw new IllegalStateException("the query journal's offsets are not sequence numbers: "
                + envelope.offset());
    }
}
