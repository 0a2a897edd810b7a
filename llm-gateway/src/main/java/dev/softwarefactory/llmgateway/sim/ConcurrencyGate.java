package dev.softwarefactory.llmgateway.sim;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests in flight and refuses one beyond the limit (0: no limit). */
final class ConcurrencyGate {
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    ConcurrencyGate(int limit) {
        this.limit = limit;
    }

    /** A slot, released by running the returned handle (once; later runs do nothing), or empty when full. */
    Optional<Runnable> tryAcquire() {
        int now = inFlight.incrementAndGet();
        if (limit > 0 && now > limit) {
            inFlight.decrementAndGet();
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        });
    }

    int limit() {
        return limit;
    }
}
