package dev.softwarefactory.llmgateway.openai;

import java.util.Optional;

/**
 * A request answered with an OpenAI error body instead of a completion: {@code type} and {@code code}
 * as OpenAI spells them (e.g. {@code invalid_request_error} and {@code model_not_found}), and the
 * request field at fault, if one is.
 */
public final class OpenAiError extends Exception {
    private final int status;
    private final String type;
    private final String code;
    private final Optional<String> param;

    public OpenAiError(int status, String type, String code, Optional<String> param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** An error whose code is its type, e.g. {@code rate_limit_exceeded}. */
    public OpenAiError(int status, String type, String message) {
        this(status, type, type, Optional.empty(), message);
    }

    public static OpenAiError badRequest(String message) {
        return new OpenAiError(400, "invalid_request_error", message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public Optional<String> param() {
        return param;
    }
}
