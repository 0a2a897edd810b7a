package dev.softwarefactory.llmgateway.gateway;

import java.time.Duration;

/**
 * How the gateway retries and rests backends.
 *
 * @param maxAttempts attempts per request, the first included (the request's retry budget)
 * @param cooldownAfterFailures consecutive failed calls after which a backend rests for {@code cooldown}
 */
public record RetrySettings(int maxAttempts, Duration baseBackoff, Duration maxBackoff, int cooldownAfterFailures,
        Duration cooldown, Duration connectTimeout, Duration requestTimeout, double affinityMargin) {
}
