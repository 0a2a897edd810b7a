package dev.softwarefactory.llmgateway.gateway;

/**
 * How a backend is spoken to. Both use the OpenAI chat completions wire format: Ollama serves it
 * under /v1, which spares a second client (langchain4j-ollama 1.19.0 is not on Maven Central).
 */
public enum BackendKind {
    OPENAI(null),
    OLLAMA("http://localhost:11434/v1");

    private final String defaultBaseUrl;

    BackendKind(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The base URL used when the config gives none; null when one is required. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }
}
