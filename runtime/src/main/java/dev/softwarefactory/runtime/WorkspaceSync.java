package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.persistence.typed.PersistenceId;
import akka.stream.javadsl.Sink;
import dev.softwarefactory.runtime.action.EffectResult;
import dev.softwarefactory.runtime.action.EffectResult.FileWritten;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Brings a run's workspace on this node up to date with the file effects in the shared journal, so
 * that a role may run commands on files another node's role wrote. A per-node cache: it remembers,
 * per run and role, the last event it applied, reads only the events after it (by persistence id,
 * which sees every committed event at once), and rewrites only files whose bytes differ.
 */
public final class WorkspaceSync {
    /** For an embedded journal: one node writes every file itself. */
    public static final WorkspaceSync NONE = new WorkspaceSync(null, null, List.of());
    private static final long TIMEOUT_SECONDS = 60;

    private final ActorSystem<?> system;
    private final CurrentEventsByPersistenceIdQuery journal;
    private final List<String> roles;
    private final Map<String, Map<String, Long>> applied = new ConcurrentHashMap<>();

    private WorkspaceSync(ActorSystem<?> system, CurrentEventsByPersistenceIdQuery journal, List<String> roles) {
        this.system = system;
        this.journal = journal;
        this.roles = roles;
    }

    /** Reads the node's query journal for the roles of the SOP. */
    public static WorkspaceSync of(ActorSystem<?> system, Sop sop) {
        String plugin = system.settings().config().getString("software-factory.query-journal");
        return new WorkspaceSync(system, PersistenceQuery.get(system)
                .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, plugin),
                sop.roles().stream().map(RoleDefinition::name).toList());
    }

    /** Applies the run's file effects this node lacks; returns how many files it wrote. */
    public int bringUpToDate(String runId, Workspace workspace) {
        if (journal == null) {
            return 0;
        }
        Map<String, Long> cursor = applied.computeIfAbsent(runId, id -> new ConcurrentHashMap<>());
        synchronized (cursor) {
            List<EventEnvelope> news = new ArrayList<>();
            for (String role : roles) {
                String id = PersistenceId.of("Role-" + role, runId).id();
                List<EventEnvelope> events = read(id, cursor.getOrDefault(id, 0L) + 1);
                if (!events.isEmpty()) {
                    cursor.put(id, events.get(events.size() - 1).sequenceNr());
                    news.addAll(events);
                }
            }
            news.sort(Comparator.comparingLong(EventEnvelope::timestamp));
            int written = 0;
            for (EventEnvelope envelope : news) {
                if (fileWritten(envelope.event()) instanceof FileWritten file && differs(workspace, file)) {
                    workspace.write(file.path(), file.content());
                    written++;
                }
            }
            return written;
        }
    }

    private List<EventEnvelope> read(String persistenceId, long from) {
        try {
            return journal.currentEventsByPersistenceId(persistenceId, from, Long.MAX_VALUE)
                    .runWith(Sink.seq(), system).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + persistenceId + " from the journal: " + e.getMessage(), e);
        }
    }

    private static EffectResult fileWritten(Object event) {
        if (event instanceof RoleActor.EffectRecorded recorded) {
            return recorded.result();
        }
        if (event instanceof RoleActor.EffectReplayed replayed) {
            return replayed.result();
        }
        return null;
    }

    private static boolean differs(Workspace workspace, FileWritten file) {
        Path target = workspace.resolve(file.path());
        try {
            return !Files.isRegularFile(target)
                    || !Arrays.equals(Files.readAllBytes(target), file.content().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
