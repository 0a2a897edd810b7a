package dev.softwarefactory.llmgateway.gateway;

/**
 * The requests-per-minute limit: requests are spaced evenly, one every 60.5 s / rpm. A bucket with
 * a burst would let some 60-second window exceed the limit (burst plus a minute of refill); even
 * spacing keeps every window at or under it, and the half second absorbs timer lateness and network
 * jitter between the grant here and the request's arrival at the server while using 99% of the limit.
 */
final class RequestPacer {
    private static final long WINDOW_NANOS = 60_500_000_000L;
    private final long intervalNanos;
    private long next;
    private boolean started;

    /** @param rpm requests per minute; 0: no limit */
    RequestPacer(int rpm) {
        this.intervalNanos = rpm == 0 ? 0 : WINDOW_NANOS / rpm;
    }

    /** Nanoseconds until the next request may start; 0 when it may start now. */
    long waitNanos(long now) {
        return !started || intervalNanos == 0 ? 0 : Math.max(0, next - now);
    }

    /**
     * Books the slot. A request that starts a little late (timer ticks) keeps the even grid rather than
     * pushing it back, or every tick of lateness would be lost from the rate; after an idle gap longer
     * than one interval the grid starts afresh.
     */
    void take(long now) {
        next = started && now - next < intervalNanos ? next + intervalNanos : now + intervalNanos;
        started = true;
    }
}
