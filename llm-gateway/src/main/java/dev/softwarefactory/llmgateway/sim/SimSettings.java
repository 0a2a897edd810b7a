package dev.softwarefactory.llmgateway.sim;

import dev.softwarefactory.llmgateway.ScriptEntry;
import java.util.List;
import java.util.Optional;

/**
 * How the simulated model server behaves.
 *
 * @param port the port to listen on (0: any free port)
 * @param latencyMs time to the first token
 * @param tokensPerSecond streaming pace; 0 sends every chunk at once
 * @param maxConcurrency requests in flight beyond this get 429; 0 means no limit
 * @param fail429 probability (0..1) that a request gets a simulated 429
 * @param fail500 probability (0..1) that a request gets a simulated 500
 * @param failGarbage probability (0..1) that a request gets 200 with a body that is not JSON
 * @param failCut probability (0..1) that a reply is cut off mid-way (the connection is dropped)
 * @param retryAfterSeconds the {@code Retry-After} of a 429
 * @param script scripted replies, matched by the prompt header; empty: a fixed echo reply
 * @param seed seed of the random fault decisions
 */
public record SimSettings(int port, long latencyMs, int tokensPerSecond, int maxConcurrency, double fail429,
        double fail500, double failGarbage, double failCut, int retryAfterSeconds,
        Optional<List<ScriptEntry>> script, long seed) {

    public SimSettings {
        require(port >= 0 && port <= 65535, "port must be 0..65535");
        require(latencyMs >= 0, "latencyMs must not be negative");
        require(tokensPerSecond >= 0, "tokensPerSecond must not be negative");
        require(maxConcurrency >= 0, "maxConcurrency must not be negative");
        require(fail429 >= 0 && fail429 <= 1, "fail429 must be a probability 0..1");
        require(fail500 >= 0 && fail500 <= 1, "fail500 must be a probability 0..1");
        require(failGarbage >= 0 && failGarbage <= 1, "failGarbage must be a probability 0..1");
        require(failCut >= 0 && failCut <= 1, "failCut must be a probability 0..1");
        require(retryAfterSeconds >= 0, "retryAfterSeconds must not be negative");
        script = script == null ? Optional.empty() : script.map(List::copyOf);
    }

    /** No latency, no pacing, no limit, no faults, no script. */
    public static SimSettings defaults(int port) {
        return new SimSettings(port, 0, 0, 0, 0, 0, 0, 0, 1, Optional.empty(), System.nanoTime());
    }

    public SimSettings withLatencyMs(long value) {
        return new SimSettings(port, value, tokensPerSecond, maxConcurrency, fail429, fail500, failGarbage, failCut, retryAfterSeconds, script, seed);
    }

    public SimSettings withTokensPerSecond(int value) {
        return new SimSettings(port, latencyMs, value, maxConcurrency, fail429, fail500, failGarbage, failCut, retryAfterSeconds, script, seed);
    }

    public SimSettings withMaxConcurrency(int value) {
        return new SimSettings(port, latencyMs, tokensPerSecond, value, fail429, fail500, failGarbage, failCut, retryAfterSeconds, script, seed);
    }

    public SimSettings withFail429(double value) {
        return new SimSettings(port, latencyMs, tokensPerSecond, maxConcurrency, value, fail500, failGarbage, failCut, retryAfterSeconds, script, seed);
    }

    public SimSettings withFail500(double value) {
        return new SimSettings(port, latencyMs, tokensPerSecond, maxConcurrency, fail429, value, failGarbage, failCut, retryAfterSeconds, script, seed);
    }

    public SimSettings withFailGarbage(double value) {
        return new SimSettings(port, latencyMs, tokensPerSecond, maxConcurrency, fail429, fail500, value, failCut, retryAfterSeconds, script, seed);
    }

    public SimSettings withFailCut(double value) {
        return new SimSettings(port, latencyMs, tokensPerSecond, maxConcurrency, fail429, fail500, failGarbage, value, retryAfterSeconds, script, seed);
    }

    public SimSettings withRetryAfterSeconds(int value) {
        return new SimSettings(port, latencyMs, tokensPerSecond, maxConcurrency, fail429, fail500, failGarbage, failCut, value, script, seed);
    }

    public SimSettings withSeed(long value) {
        return new SimSettings(port, latencyMs, tokensPerSecond, maxConcurrency, fail429, fail500, failGarbage, failCut, retryAfterSeconds, script, value);
    }

    public SimSettings withScript(List<ScriptEntry> entries) {
        return new SimSettings(port, latencyMs, tokensPerSecond, maxConcurrency, fail429, fail500, failGarbage, failCut, retryAfterSeconds, Optional.of(entries), seed);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
