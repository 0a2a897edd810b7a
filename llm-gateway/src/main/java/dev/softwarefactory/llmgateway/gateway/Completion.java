package dev.softwarefactory.llmgateway.gateway;

/** What one successful call to a backend returned. */
public record Completion(String text, long inputTokens, long outputTokens) {
}
