package dev.softwarefactory.llmgateway.gateway;

import java.util.List;
import java.util.Optional;

/**
 * One model server. {@code apiKey} is read from the environment variable the config names (or given
 * on the command line) and lives only in memory.
 *
 * @param rpm requests per minute, 0: no limit
 * @param tpm tokens per minute, 0: no limit
 */
public record BackendSettings(String name, BackendKind kind, String baseUrl, Optional<String> apiKey,
        List<String> models, int maxConcurrency, int rpm, long tpm, double pricePer1kInput,
        double pricePer1kOutput) {

    public BackendSettings {
        models = List.copyOf(models);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A backend with no limits beyond its concurrency and no price, e.g. from --llm-base-url. */
    public static BackendSettings of(String name, BackendKind kind, String baseUrl, Optional<String> apiKey,
            String model, int maxConcurrency) {
        return new BackendSettings(name, kind, baseUrl, apiKey, List.of(model), maxConcurrency, 0, 0, 0, 0);
    }

    public double costUsd(long inputTokens, long outputTokens) {
        return inputTokens / 1000.0 * pricePer1kInput + outputTokens / 1000.0 * pricePer1kOutput;
    }
}
