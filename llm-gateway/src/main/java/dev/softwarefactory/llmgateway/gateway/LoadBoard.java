package dev.softwarefactory.llmgateway.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's view of each backend's load: the last snapshot the backend sent (which includes other
 * nodes' requests) corrected by this node's own requests since, so a burst of requests spreads out
 * before the next snapshot arrives.
 */
final class LoadBoard {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final AtomicInteger local = new AtomicInteger();
        volatile LlmBackend.Load snapshot;
        volatile int localAtSnapshot;
        volatile long snapshotAt;
    }

    LoadBoard(Map<String, BackendSettings> backends) {
        backends.values().forEach(b -> {
            Entry entry = new Entry();
            entry.snapshot = new LlmBackend.Load(b.name(), 0, 0, b.maxConcurrency(), 0, 0);
            entries.put(b.name(), entry);
        });
    }

    void started(String backend) {
        entries.get(backend).local.incrementAndGet();
    }

    void ended(String backend) {
        entries.get(backend).local.decrementAndGet();
    }

    void observed(LlmBackend.Load load) {
        Entry entry = entries.get(load.backend());
        if (entry != null) {
            entry.localAtSnapshot = entry.local.get();
            entry.snapshot = load;
            entry.snapshotAt = System.nanoTime();
        }
    }

    /** Requests in flight or waiting, relative to the backend's concurrency limit. */
    double relativeLoad(String backend) {
        Entry entry = entries.get(backend);
        LlmBackend.Load load = entry.snapshot;
        int others = Math.max(0, load.busy() - entry.localAtSnapshot);
        return (others + entry.local.get()) / (double) load.capacity();
    }

    double latencyMillis(String backend) {
        return entries.get(backend).snapshot.latencyMillis();
    }

    /** When the backend's cooldown ends, in {@link System#nanoTime()} units (in the past: not cooling). */
    long coolingUntil(String backend) {
        Entry entry = entries.get(backend);
        return entry.snapshotAt + entry.snapshot.coolingForMillis() * 1_000_000;
    }
}
