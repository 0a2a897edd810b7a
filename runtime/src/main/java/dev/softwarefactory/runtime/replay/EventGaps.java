package dev.softwarefactory.runtime.replay;

import akka.persistence.query.EventEnvelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Events missing from a run: every entity numbers its events 1, 2, 3... and none is ever deleted,
 * so a number skipped in a run's events means the journal lost them (LevelDB drops the records of a
 * damaged log block silently when it opens). A loss at the very end of an entity looks like a crash
 * before the write and is not reported.
 */
final class EventGaps {
    private EventGaps() {
    }

    /** Which entities miss which events, e.g. "Engineer lost events 12-14"; empty when none is missing. */
    static Optional<String> of(List<EventEnvelope> events) {
        Map<String, Long> next = new LinkedHashMap<>();
        List<String> gaps = new ArrayList<>();
        for (EventEnvelope envelope : events) {
            String entity = Timeline.actor(envelope.persistenceId());
            long expected = next.getOrDefault(entity, 1L);
            if (envelope.sequenceNr() > expected) {
                gaps.add(entity + " lost " + (envelope.sequenceNr() - expected == 1 ? "event " + expected
                        : "events " + expected + "-" + (envelope.sequenceNr() - 1)));
            }
            next.put(entity, Math.max(expected, envelope.sequenceNr() + 1));
        }
        return gaps.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", gaps));
    }
}
