package dev.softwarefactory.node;

import akka.actor.typed.ActorSystem;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The runs of the journal, newest first. A run that has ended never changes again, so what is read of
 * it is kept; only runs still going are read again. A listing reads each run's Company alone; a run's
 * whole events (for its damage and downtime) are read only when the run itself is asked for, so the
 * first page of a thousand runs does not read every event of every run.
 */
final class RunIndex {
    private final RunCatalog catalog;
    private final Map<String, RunSummary> ended = new ConcurrentHashMap<>();
    private final Map<String, RunSummary> endedListed = new ConcurrentHashMap<>();

    RunIndex(ActorSystem<?> system) {
        this.catalog = new RunCatalog(system);
    }

    /** The run with its damage and downtime. */
    Optional<RunSummary> find(String runId) {
        RunSummary kept = ended.get(runId);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<RunSummary> run = known(runId).map(catalog::inspected);
        run.filter(r -> r.outcome() != Outcome.RUNNING).ifPresent(r -> ended.put(runId, r));
        return run;
    }

    /** Every run with its damage and downtime, newest first. */
    List<RunSummary> all() {
        return newestFirst(this::find);
    }

    /** Every run as its Company tells it, newest first: enough to sort, count and filter by state. */
    List<RunSummary> listed() {
        return newestFirst(this::known);
    }

    /** The run as its Company tells it, without its damage and downtime. */
    Optional<RunSummary> known(String runId) {
        RunSummary kept = endedListed.get(runId);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<RunSummary> run = catalog.read(runId);
        run.filter(r -> r.outcome() != Outcome.RUNNING).ifPresent(r -> endedListed.put(runId, r));
        return run;
    }

    private List<RunSummary> newestFirst(Function<String, Optional<RunSummary>> read) {
        List<RunSummary> runs = new ArrayList<>();
        for (String runId : catalog.runIds()) {
            read.apply(runId).ifPresent(runs::add);
        }
        runs.sort(Comparator.comparingLong(RunSummary::startedAt).reversed().thenComparing(RunSummary::runId));
        return runs;
    }
}
