package dev.softwarefactory.runtime.replay;

import akka.actor.typed.ActorSystem;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.NoOffset;
import akka.persistence.query.Offset;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.persistence.query.javadsl.CurrentEventsByTagQuery;
import akka.persistence.query.javadsl.ReadJournal;
import akka.stream.javadsl.Sink;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.DamagedRun;
import dev.softwarefactory.runtime.UnreadableJournal;
import dev.softwarefactory.runtime.RunConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A run's events as the journal holds them, read with the query journal, not by starting actors. */
public final class RunJournal {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final ActorSystem<?> system;
    private final CurrentEventsByTagQuery byTag;
    private final CurrentEventsByPersistenceIdQuery byId;

    private RunJournal(ActorSystem<?> system, ReadJournal journal) {
        this.system = system;
        this.byTag = (CurrentEventsByTagQuery) journal;
        this.byId = (CurrentEventsByPersistenceIdQuery) journal;
    }

    /** The query journal named by {@code software-factory.query-journal}. */
    public static RunJournal of(ActorSystem<?> system) {
        String plugin = system.settings().config().getString("software-factory.query-journal");
        return new RunJournal(system, PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, plugin));
    }

    /**
     * Every event of the run, across the Company and all roles, in the order they were persisted.
     *
     * @throws DamagedRun when events are missing from it
     */
    public List<Step> timeline(String runId) {
        List<EventEnvelope> events = events(runId);
        EventGaps.of(events).ifPresent(gaps -> {
            throw new DamagedRun(runId, gaps);
        });
        return Timeline.of(events);
    }

    /**
     * What the run's events tell beyond its Company's: {@code damage}, which events it lost (e.g.
     * "Engineer lost events 12-14"; empty when none); {@code downtimeMillis}, how long it stood still
     * before each resume (from its last event to the resume).
     */
    public record Inspection(Optional<String> damage, long downtimeMillis) {
    }

    public Inspection inspect(String runId) {
        List<EventEnvelope> events = events(runId);
        Downtime downtime = new Downtime();
        events.forEach(envelope -> downtime.add(envelope.timestamp(), envelope.event()));
        return new Inspection(EventGaps.of(events), downtime.millis());
    }

    private List<EventEnvelope> events(String runId) {
        return eventsAfter(runId, NoOffset.getInstance());
    }

    /** The run's events after {@code offset} (exclusive) in tag order, as far as the journal holds them now. */
    List<EventEnvelope> eventsAfter(String runId, Offset offset) {
        return await(byTag.currentEventsByTag(Company.tag(runId), offset).runWith(Sink.seq(), system));
    }

    /** How many events the run has, read without building its timeline (a baseline for benches). */
    public int eventCount(String runId) {
        return await(byTag.currentEventsByTag(Company.tag(runId), NoOffset.getInstance())
                .runWith(Sink.fold(0, (count, e) -> count + 1), system));
    }

    /** What the run was started with; empty when there is no such run. */
    public Optional<RunConfig> config(String runId) {
        List<EventEnvelope> first = await(byId.currentEventsByPersistenceId("Company|" + runId, 1, 1)
                .runWith(Sink.seq(), system));
        return first.stream().map(EventEnvelope::event).filter(Company.RunStarted.class::isInstance)
                .map(e -> ((Company.RunStarted) e).config()).findFirst();
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UnreadableJournal("cannot read the journal: " + e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new UnreadableJournal("the journal did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableJournal("interrupted while reading the journal");
        }
    }
}
