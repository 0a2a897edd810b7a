package dev.softwarefactory.llmgateway.sim;

import dev.softwarefactory.llmgateway.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** When each chat request arrived, so tests and benches can check what a client really sent. */
public final class RequestLog {
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger overConcurrency = new AtomicInteger();

    void arrived() {
        arrivals.add(System.nanoTime());
    }

    /**
     * A well-formed request: when (wall clock), the effect key the gateway sent with it (empty from
     * other clients), and what it asked.
     */
    public record Received(long epochMillis, String callKey, List<ChatMessage> messages) {
    }

    void received(String callKey, List<ChatMessage> messages) {
        received.add(new Received(System.currentTimeMillis(), callKey, List.copyOf(messages)));
    }

    /** The well-formed requests, in arrival order, so tests can tell which call asked what. */
    public List<Received> received() {
        return new ArrayList<>(received);
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
