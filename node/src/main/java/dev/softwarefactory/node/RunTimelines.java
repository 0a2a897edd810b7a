package dev.softwarefactory.node;

import akka.actor.typed.ActorSystem;
import dev.softwarefactory.runtime.replay.GrowingTimeline;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timelines the API reads, kept in memory so a request reads only a run's new events: a page of
 * a 10,000-step run costs a list copy, not 10,000 events from the journal. Holds at most
 * {@code software-factory.timeline-cache-steps} steps; the runs least recently read go first.
 */
final class RunTimelines {
    private final RunJournal journal;
    private final Path dataDir;
    private final Duration settle;
    private final long maxSteps;
    private final Map<String, GrowingTimeline> timelines = new LinkedHashMap<>(16, 0.75f, true);

    RunTimelines(ActorSystem<?> system, Path dataDir) {
        this.journal = RunJournal.of(system);
        this.dataDir = dataDir;
        this.settle = system.settings().config().getDuration("software-factory.timeline-settle");
        this.maxSteps = system.settings().config().getLong("software-factory.timeline-cache-steps");
    }

    /** The run's timeline as the journal holds it now; an unknown run is a usage error. */
    RunTimeline read(String runId) {
        GrowingTimeline timeline;
        synchronized (timelines) {
            timeline = timelines.computeIfAbsent(runId, id -> new GrowingTimeline(id, settle));
        }
        List<Step> steps = timeline.steps(journal);
        if (steps.isEmpty()) {
            synchronized (timelines) {
                timelines.remove(runId);
            }
            throw RunTimeline.unknown(runId, dataDir);
        }
        evictBeyondLimit(timeline);
        return new RunTimeline(runId, steps);
    }

    /** Steps held in memory across runs. */
    long keptSteps() {
        synchronized (timelines) {
            return timelines.values().stream().mapToLong(GrowingTimeline::kept).sum();
        }
    }

    private void evictBeyondLimit(GrowingTimeline justRead) {
        synchronized (timelines) {
            long total = keptSteps();
            Iterator<GrowingTimeline> oldestFirst = timelines.values().iterator();
            while (total > maxSteps && oldestFirst.hasNext()) {
                GrowingTimeline timeline = oldestFirst.next();
                if (timeline != justRead) {
                    total -= timeline.kept();
                    oldestFirst.remove();
                }
            }
        }
    }
}
