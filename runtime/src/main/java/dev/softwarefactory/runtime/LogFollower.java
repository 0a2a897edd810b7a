package dev.softwarefactory.runtime;

import java.util.TreeSet;

/**
 * Where a role stands in its run's log, so that it asks its Company only when it must: after a gap
 * in the sequence the run topic delivered, after a restart (it starts knowing nothing), and once
 * each time it becomes idle with something new observed (the Company's "no role has work left" check).
 * Transient: a restarted role starts at 0 and catches up.
 */
final class LogFollower {
    /** Every entry up to this seq has been delivered or read. */
    private long cursor;
    /** Entries delivered beyond a gap, so that a catch-up need not ask for them again. */
    private final TreeSet<Long> ahead = new TreeSet<>();
    private boolean reading;
    private boolean idleRead;
    private boolean idleReportDue = true;

    /** A topic delivery; false when it reveals a gap (an entry before it was not delivered). */
    boolean delivered(long seq) {
        if (seq <= cursor) {
            return true;
        }
        ahead.add(seq);
        advance();
        return ahead.isEmpty();
    }

    /** Whether the Company's head shows entries this role has neither been delivered nor read. */
    boolean behind(long head) {
        return head > cursor && ahead.subSet(cursor + 1, head + 1).size() < head - cursor;
    }

    long cursor() {
        return cursor;
    }

    /** Starts a read of the log unless one is under way; {@code idle} reports the role idle too. */
    boolean startRead(boolean idle) {
        if (reading) {
            return false;
        }
        reading = true;
        idleRead = idle;
        return true;
    }

    /** A read came back: all up to the Company's head is known; an idle read that found no entries was a report. */
    void read(long head, boolean noEntries) {
        reading = false;
        cursor = Math.max(cursor, head);
        advance();
        if (idleRead && noEntries) {
            idleReportDue = false;
        }
    }

    void readFailed() {
        reading = false;
    }

    /** The role observed a message of a type it watches: its next idle moment is news to the Company. */
    void observed() {
        idleReportDue = true;
    }

    boolean idleReportDue() {
        return idleReportDue;
    }

    private void advance() {
        ahead.headSet(cursor, true).clear();
        while (ahead.remove(cursor + 1)) {
            cursor++;
        }
    }
}
