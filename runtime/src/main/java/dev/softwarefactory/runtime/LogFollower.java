package dev.softwarefactory.runtime;

import akka.actor.typed.javadsl.ActorContext;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a role stands in its run's log, so that it asks its Company only when it must: after a gap
 * in the sequence the run topic delivered, after a restart (it starts knowing nothing), and once
 * each time it becomes idle with something new observed (the Company's "no role has work left" check).
 * Transient: a restarted role starts at 0 and catches up.
 */
final class LogFollower {
    private final ActorContext<RoleActor.Command> context;
    private final EntityRef<Company.Command> company;
    private final RoleDefinition role;
    private final Duration askTimeout;
    /** Every entry up to this seq has been delivered or read. */
    private long cursor;
    /** Entries delivered beyond a gap, so that a catch-up need not ask for them again. */
    private final TreeSet<Long> ahead = new TreeSet<>();
    private boolean reading;
    private boolean idleRead;
    private boolean idleReportDue = true;

    LogFollower(ActorContext<RoleActor.Command> context, EntityRef<Company.Command> company, RoleDefinition role,
            Duration askTimeout) {
        this.context = context;
        this.company = company;
        this.role = role;
        this.askTimeout = askTimeout;
    }

    /** A topic delivery; one that reveals a gap (an entry before it was not delivered) makes the role read. */
    void delivered(long seq) {
        if (seq <= cursor) {
            return;
        }
        ahead.add(seq);
        advance();
        if (!ahead.isEmpty()) {
            read(false);
        }
    }

    /** The Company's head: entries this role has neither been delivered nor read make it read. */
    void expect(long head) {
        if (head > cursor && ahead.subSet(cursor + 1, head + 1).size() < head - cursor) {
            read(false);
        }
    }

    /**
     * Reads the log after the cursor unless a read is under way; {@code idle} reports the role idle too.
     * The role hears LogRead, or AskFailed when the Company did not answer in time.
     */
    void read(boolean idle) {
        if (reading) {
            return;
        }
        reading = true;
        idleRead = idle;
        long after = cursor;
        context.ask(Company.LogSlice.class, company, askTimeout,
                replyTo -> new Company.ReadLog(role.name(), role.watches(), after, idle, replyTo),
                (slice, error) -> slice != null ? new RoleActor.LogRead(slice) : new RoleActor.AskFailed("log read"));
    }

    /** A read came back: all up to the Company's head is known; an idle read that found no entries was a report. */
    void readReturned(long head, boolean noEntries) {
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

    /** The entries of a read this role has not observed yet, each once. */
    static List<LoggedMessage> unseen(Set<String> seen, List<LoggedMessage> entries) {
        List<LoggedMessage> news = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        for (LoggedMessage entry : entries) {
            String id = entry.message().id();
            if (!seen.contains(id) && batch.add(id)) {
                news.add(entry);
            }
        }
        return news;
    }

    private void advance() {
        ahead.headSet(cursor, true).clear();
        while (ahead.remove(cursor + 1)) {
            cursor++;
        }
    }
}
