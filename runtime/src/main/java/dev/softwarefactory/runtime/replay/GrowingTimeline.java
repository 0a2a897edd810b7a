package dev.softwarefactory.runtime.replay;

import akka.persistence.query.EventEnvelope;
import akka.persistence.query.NoOffset;
import akka.persistence.query.Offset;
import dev.softwarefactory.runtime.DamagedRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's timeline kept in memory and brought up to date by reading only the events after the last
 * one kept, so a long run is read from the journal once, not on every look at it. Events younger than
 * {@code settle} are read again each time rather than kept: a database journal can show an event
 * after a later one (transactions commit out of order), and a kept step is never revisited. An
 * entity's events that skip a number make it read the whole run again; missing there too, the run is
 * damaged.
 */
public final class GrowingTimeline {
    private final String runId;
    private final Duration settle;
    private Timeline timeline = new Timeline();
    private final List<Step> kept = new ArrayList<>();
    private final Map<String, Long> next = new HashMap<>();
    private Offset offset = NoOffset.getInstance();
    /** The size of {@link #kept}, readable while a read is going. */
    private volatile int keptCount;

    public GrowingTimeline(String runId, Duration settle) {
        this.runId = runId;
        this.settle = settle;
    }

    /**
     * Every step of the run as the journal holds it now.
     *
     * @throws DamagedRun when events are missing from it
     */
    public synchronized List<Step> steps(RunJournal journal) {
        boolean fromStart = offset.equals(NoOffset.getInstance());
        List<EventEnvelope> events = journal.eventsAfter(runId, offset);
        long settledBefore = System.currentTimeMillis() - settle.toMillis();
        List<Step> steps = new ArrayList<>(kept.size() + events.size());
        steps.addAll(kept);
        Timeline reading = timeline;
        Map<String, Long> expected = next;
        boolean keeping = true;
        for (EventEnvelope envelope : events) {
            if (keeping && envelope.timestamp() >= settledBefore) {
                keeping = false;
                reading = timeline.copy();
                expected = new HashMap<>(next);
            }
            long wanted = expected.getOrDefault(envelope.persistenceId(), 1L);
            if (envelope.sequenceNr() < wanted) {
                continue;
            }
            if (envelope.sequenceNr() > wanted) {
                forget();
                if (fromStart) {
                    throw new DamagedRun(runId, EventGaps.of(events).orElse("events out of order"));
                }
                return steps(journal);
            }
            expected.put(envelope.persistenceId(), wanted + 1);
            Step step = reading.next(envelope);
            steps.add(step);
            if (keeping) {
                kept.add(step);
                offset = envelope.offset();
            }
        }
        keptCount = kept.size();
        return steps;
    }

    /** How many steps are kept in memory; does not wait for a read. */
    public int kept() {
        return keptCount;
    }

    private void forget() {
        timeline = new Timeline();
        kept.clear();
        next.clear();
        offset = NoOffset.getInstance();
        keptCount = 0;
    }
}
