package dev.softwarefactory.llmgateway.gateway;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: half the capped doubling delay fixed, half random, so retries spread out. */
final class Backoff {
    private Backoff() {
    }

    /** The wait after the given failed attempt (1 = the first call failed). */
    static long nanos(RetrySettings retry, int failedAttempt) {
        long base = retry.baseBackoff().toNanos();
        long max = retry.maxBackoff().toNanos();
        long capped = failedAttempt >= 31 ? max : Math.min(max, base << (failedAttempt - 1));
        long half = Math.max(1, capped / 2);
        return half + ThreadLocalRandom.current().nextLong(half);
    }

    static long nanos(RetrySettings retry, int failedAttempt, Duration retryAfter) {
        return Math.max(nanos(retry, failedAttempt), retryAfter.toNanos());
    }
}
