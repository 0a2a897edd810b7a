package dev.softwarefactory.cli;

import dev.softwarefactory.node.LlmSpec;
import dev.softwarefactory.node.ModelOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The command-line ways to name a model: --llm SPEC, or an OpenAI-compatible URL and model. */
final class LlmOptions {
    @Option(names = "--llm", paramLabel = "SPEC",
            description = "The model: scripted:FILE, gateway (conf/application.conf), openai:MODEL@URL or ollama:MODEL.")
    String spec;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "An OpenAI-compatible server (OpenAI, vLLM, llama.cpp, ...), e.g. http://gpu1:8000/v1.")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model to ask the --llm-base-url server for.")
    String model;

    @Option(names = "--llm-api-key", paramLabel = "KEY",
            description = "API key for --llm-base-url (default: $OPENAI_API_KEY); never stored.")
    String apiKey;

    /** The key from the option or OPENAI_API_KEY, if any. */
    Optional<String> apiKey() {
        return Optional.ofNullable(apiKey).or(() -> Optional.ofNullable(System.getenv("OPENAI_API_KEY")))
                .filter(k -> !k.isBlank());
    }

    /**
     * The model as a serving node's API takes it. API keys are not sent: the node uses its own, so
     * {@code --llm-api-key} is refused here rather than silently dropped.
     */
    ModelOptions forServingNode() {
        if (apiKey != null) {
            throw new UsageError("--llm-api-key is not sent to a serving node, which calls model servers with its"
                    + " own keys (OPENAI_API_KEY where it runs)");
        }
        return modelOptions();
    }

    /**
     * The model for a run that continues a recorded one (a fork), as the API takes it: {@code --llm-model}
     * alone keeps the recorded server; anything else is checked as {@link #explicitSpec} checks it.
     */
    ModelOptions modelOptions() {
        if (!(model != null && baseUrl == null && spec == null && apiKey == null)) {
            explicitSpec();
        }
        return new ModelOptions(spec == null ? null : LlmSpec.normalize(spec), baseUrl, model);
    }

    /** The spec the options name, or empty when they name none. */
    Optional<String> explicitSpec() {
        if (spec != null && baseUrl != null) {
            throw new UsageError("give either --llm or --llm-base-url, not both");
        }
        if (baseUrl != null) {
            if (model == null || model.isBlank()) {
                throw new UsageError("--llm-base-url needs --llm-model NAME (the model the server serves)");
            }
            return Optional.of(LlmSpec.normalize(LlmSpec.OPENAI + model + "@" + baseUrl));
        }
        if (model != null || apiKey != null) {
            throw new UsageError("--llm-model and --llm-api-key go with --llm-base-url URL");
        }
        return Optional.ofNullable(spec).map(LlmSpec::normalize);
    }
}
