package dev.softwarefactory.llmgateway.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** When each chat request arrived, so tests and benches can check what a client really sent. */
public final class RequestLog {
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger overConcurrency = new AtomicInteger();

    void arrived() {
        arrivals.add(System.nanoTime());
    }

    void refusedOverConcurrency() {
        overConcurrency.incrementAndGet();
    }

    public int count() {
        return arrivals.size();
    }

    /** Requests refused with 429 because more than max-concurrency were in flight (not injected faults). */
    public int overConcurrency() {
        return overConcurrency.get();
    }

    /** Arrival times in {@link System#nanoTime()} units, in arrival order. */
    public List<Long> arrivalNanos() {
        return new ArrayList<>(arrivals);
    }

    /** The most requests that arrived within any window of this length. */
    public int busiestWindow(long windowNanos) {
        List<Long> times = arrivalNanos();
        times.sort(null);
        int best = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) >= windowNanos) {
                first++;
            }
            best = Math.max(best, last - first + 1);
        }
        return best;
    }
}
