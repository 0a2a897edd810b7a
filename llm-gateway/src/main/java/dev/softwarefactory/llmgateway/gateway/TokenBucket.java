package dev.softwarefactory.llmgateway.gateway;

/**
 * The tokens-per-minute limit: a bucket of one minute's tokens, refilled continuously. A request
 * takes its estimated prompt tokens when it starts and settles the difference to its real usage
 * when it ends; the bucket may go into debt, which delays the next request.
 */
final class TokenBucket {
    private final long capacity;
    private final double perNano;
    private double level;
    private long refilledAt;
    private boolean started;

    /** @param tpm tokens per minute; 0: no limit */
    TokenBucket(long tpm) {
        this.capacity = tpm;
        this.perNano = tpm / 60e9;
        this.level = tpm;
    }

    long waitNanos(long now) {
        if (capacity == 0) {
            return 0;
        }
        refill(now);
        return level > 0 ? 0 : (long) Math.ceil((1 - level) / perNano);
    }

    void take(long now, long tokens) {
        if (capacity > 0) {
            refill(now);
            level -= tokens;
        }
    }

    private void refill(long now) {
        if (started) {
            level = Math.min(capacity, level + (now - refilledAt) * perNano);
        }
        refilledAt = now;
        started = true;
    }
}
