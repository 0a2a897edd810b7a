package dev.softwarefactory.llmgateway;

/** What a model answered, with what it cost and who served it. */
public record LlmReply(
        String text,
        long inputTokens,
        long outputTokens,
        double costUsd,
        String backend,
        String model,
        long latencyMillis) {
}
