package dev.softwarefactory.llmgateway.endpoint;

import dev.softwarefactory.llmgateway.LlmFailure;
import dev.softwarefactory.llmgateway.openai.OpenAiError;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The OpenAI error a client gets for what went wrong; never a stack trace. */
final class EndpointErrors {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointErrors.class);

    private EndpointErrors() {
    }

    static OpenAiError unknownModel(String model, List<String> models) {
        return new OpenAiError(404, "invalid_request_error", "model_not_found", Optional.of("model"),
                "the model '" + model + "' does not exist here; models (the gateway's aliases): "
                        + String.join(", ", models));
    }

    /**
     * A failed model call: one the gateway gave up retrying is 503 (try later), one a backend refused
     * for the request's sake (context too long, bad request) is 502 with the backend's reason.
     */
    static OpenAiError of(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof LlmFailure llm) {
            return llm.retryable()
                    ? new OpenAiError(503, "server_error", "backend_unavailable", Optional.empty(), llm.getMessage())
                    : new OpenAiError(502, "server_error", "backend_error", Optional.empty(), llm.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return OpenAiError.badRequest(cause.getMessage());
        }
        LOG.error("chat completion failed", cause);
        return internal();
    }

    static OpenAiError internal() {
        return new OpenAiError(500, "server_error", "internal_error", Optional.empty(),
                "the gateway failed to answer; the node's log has the details");
    }
}
