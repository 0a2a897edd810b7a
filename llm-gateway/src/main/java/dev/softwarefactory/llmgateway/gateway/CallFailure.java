package dev.softwarefactory.llmgateway.gateway;

import java.time.Duration;
import java.util.Optional;

/** One call to a backend that did not produce an answer, with whether another try may succeed. */
public final class CallFailure extends RuntimeException {
    private final boolean retryable;
    private final Optional<Duration> retryAfter;

    CallFailure(String reason, boolean retryable, Optional<Duration> retryAfter) {
        super(reason, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static CallFailure retryable(String reason) {
        return new CallFailure(reason, true, Optional.empty());
    }

    static CallFailure permanent(String reason) {
        return new CallFailure(reason, false, Optional.empty());
    }

    public boolean retryable() {
        return retryable;
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
