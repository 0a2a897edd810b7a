package dev.softwarefactory.node;

import dev.softwarefactory.llmgateway.gateway.BackendKind;
import dev.softwarefactory.llmgateway.gateway.OpenAiHttp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Asks a local Ollama for its models, giving up after a few seconds. */
public final class OllamaProbe {
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private OllamaProbe() {
    }

    /** The first model Ollama lists; empty when it does not answer or has none. */
    public static Optional<String> firstModel() {
        try {
            List<String> models = new OpenAiHttp(PATIENCE, PATIENCE)
                    .models(BackendKind.OLLAMA.defaultBaseUrl(), Optional.empty())
                    .toCompletableFuture().get(PATIENCE.toMillis() + 500, TimeUnit.MILLISECONDS);
            return models.stream().findFirst();
        } catch (Exception notAnswering) {
            return Optional.empty();
        }
    }
}
