package dev.softwarefactory.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Sends N requests keeping C in flight (C workers, each sending its next when one ends), recording latencies and failures. */
final class LoadRun {
    /** Sends request number {@code request} for worker number {@code worker}. */
    interface Call {
        CompletionStage<?> send(int request, int worker);
    }

    private final int requests;
    private final Call call;
    private final long[] latencies;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    private final Map<String, Integer> failures = new TreeMap<>();
    private long elapsedNanos;

    private LoadRun(int requests, Call call) {
        this.requests = requests;
        this.call = call;
        this.latencies = new long[requests];
        this.done = new CountDownLatch(requests);
    }

    static LoadRun run(int requests, int concurrency, Call call)
            throws InterruptedException {
        LoadRun run = new LoadRun(requests, call);
        long start = System.nanoTime();
        for (int worker = 0; worker < concurrency; worker++) {
            run.issue(worker);
        }
        run.done.await();
        run.elapsedNanos = System.nanoTime() - start;
        return run;
    }

    private void issue(int worker) {
        int i = next.getAndIncrement();
        if (i >= requests) {
            return;
        }
        long start = System.nanoTime();
        call.send(i, worker).whenComplete((result, error) -> {
            latencies[i] = System.nanoTime() - start;
            if (error != null) {
                failed(error);
            }
            done.countDown();
            issue(worker);
        });
    }

    private synchronized void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = String.valueOf(cause.getMessage());
        failures.merge(message.length() > 80 ? message.substring(0, 80) + "..." : message, 1, Integer::sum);
    }

    double throughputPerSecond() {
        return requests / (elapsedNanos / 1e9);
    }

    /** The latency at a percentile, in milliseconds. */
    double percentileMillis(double percentile) {
        return percentileMillis(percentile, i -> true);
    }

    /** The latency at a percentile of the requests whose numbers match, in milliseconds. */
    double percentileMillis(double percentile, IntPredicate requests) {
        long[] sorted = IntStream.range(0, latencies.length).filter(requests).mapToLong(i -> latencies[i]).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    int requests() {
        return requests;
    }

    synchronized int failed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Map<String, Integer> failures() {
        return Map.copyOf(failures);
    }
}
