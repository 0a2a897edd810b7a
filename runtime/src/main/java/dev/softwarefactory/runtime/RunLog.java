package dev.softwarefactory.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's message log, indexed by message type so that a role's catch-up reads only the entries of
 * the types it watches, not the whole log. Mutable; owned by one Company.
 */
final class RunLog {
    private final List<LoggedMessage> entries = new ArrayList<>();
    private final Map<String, List<LoggedMessage>> byType = new HashMap<>();

    void append(LoggedMessage entry) {
        entries.add(entry);
        byType.computeIfAbsent(entry.message().type(), t -> new ArrayList<>()).add(entry);
    }

    long head() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    LoggedMessage last() {
        return entries.get(entries.size() - 1);
    }

    /** The entries with a seq above {@code afterSeq}, in order. */
    List<LoggedMessage> after(long afterSeq) {
        return entries.subList((int) Math.min(Math.max(0, afterSeq), entries.size()), entries.size());
    }

    /** The entries up to and with {@code seq}, in order. */
    List<LoggedMessage> upTo(long seq) {
        return entries.subList(0, (int) Math.min(Math.max(0, seq), entries.size()));
    }

    /** The entries of these types with a seq above {@code afterSeq}, in order. */
    List<LoggedMessage> after(long afterSeq, Collection<String> types) {
        List<LoggedMessage> found = new ArrayList<>();
        for (String type : types) {
            List<LoggedMessage> ofType = byType.getOrDefault(type, List.of());
            found.addAll(ofType.subList(firstAfter(ofType, afterSeq), ofType.size()));
        }
        found.sort(Comparator.comparingLong(LoggedMessage::seq));
        return found;
    }

    /** The seq of the last entry of any of these types; 0 if there is none. */
    long lastSeqOf(Collection<String> types) {
        long last = 0;
        for (String type : types) {
            List<LoggedMessage> ofType = byType.getOrDefault(type, List.of());
            if (!ofType.isEmpty()) {
                last = Math.max(last, ofType.get(ofType.size() - 1).seq());
            }
        }
        return last;
    }

    List<LoggedMessage> all() {
        return List.copyOf(entries);
    }

    private static int firstAfter(List<LoggedMessage> ofType, long afterSeq) {
        int low = 0;
        int high = ofType.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ofType.get(mid).seq() <= afterSeq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
