package dev.softwarefactory.server;

/** The one shape of every error the API answers: {@code {"error": {"code", "message"}}}. */
public record ApiError(Body error) {
    public record Body(String code, String message) {
    }

    public static ApiError of(String code, String message) {
        return new ApiError(new Body(code, message));
    }
}
