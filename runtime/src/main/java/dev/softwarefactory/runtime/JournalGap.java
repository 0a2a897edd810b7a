package dev.softwarefactory.runtime;

import java.util.Optional;

/**
 * Whether an entity's recovery applied every event its journal numbered. Events are never deleted,
 * so an entity that applied fewer events than its last sequence number lost some: LevelDB drops the
 * records of a damaged log block silently when it opens.
 */
final class JournalGap {
    private JournalGap() {
    }

    /**
     * @param applied events the entity applied since its first, or null when unknown (a snapshot
     *     written before the count was kept)
     * @param lastSequenceNr the highest sequence number the journal holds for the entity
     */
    static Optional<String> of(Long applied, long lastSequenceNr) {
        if (applied == null || applied >= lastSequenceNr) {
            return Optional.empty();
        }
        return Optional.of("its journal is damaged: " + (lastSequenceNr - applied) + " of " + lastSequenceNr
                + " events are missing");
    }
}
