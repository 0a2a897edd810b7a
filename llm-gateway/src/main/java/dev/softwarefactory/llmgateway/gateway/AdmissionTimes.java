package dev.softwarefactory.llmgateway.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;

/**
 * The gateway's own time per request: from {@code complete} to the start of the HTTP call of its
 * first attempt (routing and the backend's permit). Keeps the latest {@value #KEPT} figures, so it
 * measures a bench without growing in a long-running node.
 */
public final class AdmissionTimes {
    private static final int KEPT = 1 << 16;
    private final AtomicLongArray nanos = new AtomicLongArray(KEPT);
    private final AtomicLong recorded = new AtomicLong();

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    void record(long admissionNanos) {
        nanos.set((int) (recorded.getAndIncrement() & (KEPT - 1)), admissionNanos);
        listeners.forEach(listener -> listener.accept(admissionNanos));
    }

    /** Hands every figure recorded from now on to {@code listener} too (a node's metrics). */
    public void onRecord(LongConsumer listener) {
        listeners.add(listener);
    }

    /** The figures recorded so far (at most the latest {@value #KEPT}), and forgets them. */
    public synchronized long[] drain() {
        int count = (int) Math.min(recorded.getAndSet(0), KEPT);
        long[] copy = new long[count];
        for (int i = 0; i < count; i++) {
            copy[i] = nanos.get(i);
        }
        Arrays.sort(copy);
        return copy;
    }
}
