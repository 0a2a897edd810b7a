package dev.softwarefactory.llmgateway;

/** A model call that did not produce an answer; retryable failures may succeed when tried again. */
public final class LlmFailure extends RuntimeException {
    private final boolean retryable;

    public LlmFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
