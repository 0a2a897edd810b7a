package dev.softwarefactory.llmgateway.gateway;

import java.time.Duration;
import java.util.Optional;

/** One call to a backend that did not produce an answer, with whether another try may succeed. */
public final class CallFailure extends RuntimeException {
    private final boolean retryable;
    private final Optional<Duration> retryAfter;
    private final boolean reached;

    CallFailure(String reason, boolean retryable, Optional<Duration> retryAfter) {
        this(reason, retryable, retryAfter, true);
    }

    private CallFailure(String reason, boolean retryable, Optional<Duration> retryAfter, boolean reached) {
        super(reason, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.reached = reached;
    }

    /** The server could not be reached, or the connection broke before a whole answer came. */
    static CallFailure unreached(String reason) {
        return new CallFailure(reason, true, Optional.empty(), false);
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

    /** Whether the server answered (if only with an error). */
    public boolean reached() {
        return reached;
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
