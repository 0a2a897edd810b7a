package dev.softwarefactory.llmgateway.gateway;

/** What a backend has served since its entity started: calls that answered, calls that failed, tokens, cost. */
final class CallTally {
    private long calls;
    private long failedCalls;
    private long tokens;
    private double costUsd;

    /** Counts a call that was made; a permit given up before its call (CANCELLED) is no call. */
    void add(LlmBackend.Release release) {
        switch (release.outcome()) {
            case SUCCEEDED -> {
                calls++;
                tokens += release.tokens();
                costUsd += release.costUsd();
            }
            case FAILED, REFUSED -> failedCalls++;
            case CANCELLED -> {
            }
        }
    }

    long calls() {
        return calls;
    }

    long failedCalls() {
        return failedCalls;
    }

    long tokens() {
        return tokens;
    }

    double costUsd() {
        return costUsd;
    }
}
