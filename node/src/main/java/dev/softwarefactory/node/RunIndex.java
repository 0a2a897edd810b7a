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

/**
 * The runs of the journal, newest first. A run that has ended never changes again, so its summary is
 * read once and kept; only runs still going are read back on each listing.
 */
final class RunIndex {
    private final RunCatalog catalog;
    private final Map<String, RunSummary> ended = new ConcurrentHashMap<>();

    RunIndex(ActorSystem<?> system) {
        this.catalog = new RunCatalog(system);
    }

    Optional<RunSummary> find(String runId) {
        RunSummary known = ended.get(runId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RunSummary> run = catalog.find(runId);
        run.filter(r -> r.outcome() != Outcome.RUNNING).ifPresent(r -> ended.put(runId, r));
        return run;
    }

    List<RunSummary> all() {
        List<RunSummary> runs = new ArrayList<>();
        for (String runId : catalog.runIds()) {
            find(runId).ifPresent(runs::add);
        }
        runs.sort(Comparator.comparingLong(RunSummary::startedAt).reversed().thenComparing(RunSummary::runId));
        return runs;
    }
}
