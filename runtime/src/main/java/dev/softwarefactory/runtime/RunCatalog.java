package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import akka.persistence.query.javadsl.ReadJournal;
import akka.stream.javadsl.Sink;
import dev.softwarefactory.runtime.replay.RunJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads runs back from the journal, without starting their actors, with the query journal named by
 * {@code software-factory.query-journal} (as the timeline does).
 */
public final class RunCatalog {
    private static final String PREFIX = "Company|";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final ActorSystem<?> system;
    private final ReadJournal journal;
    private final CurrentEventsByPersistenceIdQuery byId;
    private final RunJournal runJournal;

    public RunCatalog(ActorSystem<?> system) {
        this.system = system;
        ReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class,
                system.settings().config().getString("software-factory.query-journal"));
        this.journal = journal;
        this.byId = (CurrentEventsByPersistenceIdQuery) journal;
        this.runJournal = RunJournal.of(system);
    }

    /** Every run; needs a journal that lists its persistence ids (one run by id does not). */
    public List<RunSummary> runs() {
        List<RunSummary> runs = new ArrayList<>();
        for (String id : runIds()) {
            find(id).ifPresent(runs::add);
        }
        runs.sort(Comparator.comparingLong(RunSummary::startedAt).thenComparing(RunSummary::runId));
        return runs;
    }

    /** The id of every run the journal has, in no particular order; needs a journal that lists its ids. */
    public List<String> runIds() {
        return await(((CurrentPersistenceIdsQuery) journal).currentPersistenceIds().filter(id -> id.startsWith(PREFIX))
                .map(id -> id.substring(PREFIX.length())).runWith(Sink.seq(), system));
    }

    /** The run with what its events as a whole tell: the damage to them and the time it stood still. */
    public Optional<RunSummary> find(String runId) {
        return read(runId).map(this::inspected);
    }

    /**
     * The run as its Company's events tell it, without reading the rest of its events (no damage, no
     * downtime): what a listing needs to sort and filter.
     */
    public Optional<RunSummary> read(String runId) {
        List<EventEnvelope> events = EntityEvents.all(byId, system, PREFIX + runId, RunCatalog::await);
        RunSummary run = null;
        for (EventEnvelope envelope : events) {
            Object event = envelope.event();
            if (event instanceof Company.RunStarted started) {
                run = new RunSummary(runId, started.config().requirement(), started.config().llm(), Outcome.RUNNING,
                        "", started.startedAt(), 0, 0, Usage.NONE, "", 0);
            } else if (run != null && event instanceof Company.ActionAccounted accounted) {
                run = new RunSummary(runId, run.requirement(), run.llm(), run.outcome(), run.reason(),
                        run.startedAt(), run.endedAt(), run.rounds() + 1,
                        CompanyEvents.usageAfter(run.usage(), accounted), "", 0);
            } else if (run != null && event instanceof Company.ModelCallAccounted call) {
                run = new RunSummary(runId, run.requirement(), run.llm(), run.outcome(), run.reason(),
                        run.startedAt(), run.endedAt(), run.rounds(), CompanyEvents.usageAfter(run.usage(), call),
                        "", 0);
            } else if (run != null && event instanceof Company.RunEnded ended) {
                run = new RunSummary(runId, run.requirement(), run.llm(), ended.outcome(), ended.reason(),
                        run.startedAt(), ended.endedAt(), run.rounds(), run.usage(), "", 0);
            }
        }
        return Optional.ofNullable(run);
    }

    /** The run read by {@link #read}, with its damage and downtime from all its events. */
    public RunSummary inspected(RunSummary run) {
        RunJournal.Inspection inspection = runJournal.inspect(run.runId());
        return run.inspected(inspection.damage().orElse(""), inspection.downtimeMillis());
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
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
