package dev.softwarefactory.llmgateway.sim;

/** A request the simulator answers with an OpenAI error body instead of a completion. */
final class SimError extends Exception {
    private final int status;
    private final String type;

    SimError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static SimError badRequest(String message) {
        return new SimError(400, "invalid_request_error", message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
