package dev.softwarefactory.node;

import java.util.Optional;

/**
 * The model of a run as an API request names it: a spec ({@code llm}), or an OpenAI-compatible
 * server and model. API keys are never part of a request: the node uses its own.
 */
public record ModelOptions(String llm, String llmBaseUrl, String llmModel) {
    public static final ModelOptions NONE = new ModelOptions(null, null, null);

    /** The spec the options name, or empty when they name none. */
    public Optional<String> explicitSpec() {
        if (llm != null && llmBaseUrl != null) {
            throw new UserError("give either llm or llmBaseUrl, not both");
        }
        if (llmBaseUrl != null) {
            if (llmModel == null || llmModel.isBlank()) {
                throw new UserError("llmBaseUrl needs llmModel (the model the server serves)");
            }
            return Optional.of(LlmSpec.normalize(LlmSpec.OPENAI + llmModel + "@" + llmBaseUrl));
        }
        return Optional.ofNullable(llm).map(LlmSpec::normalize);
    }

    /** The spec for a run continuing a recorded one: a model alone keeps the recorded server. */
    public String specOver(String recorded) {
        if (llmModel != null && llmBaseUrl == null && llm == null) {
            return LlmSpec.withModel(recorded, llmModel);
        }
        return explicitSpec().orElse(recorded);
    }
}
