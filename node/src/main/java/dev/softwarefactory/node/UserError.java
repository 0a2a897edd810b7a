package dev.softwarefactory.node;

/**
 * A request the node refuses because of what was asked, not because the node failed: the CLI prints
 * it as one line with exit code 2, the API answers it with the status its kind names.
 */
public class UserError extends RuntimeException {
    /** What was wrong with the request. */
    public enum Kind {
        /** The input itself is wrong (HTTP 400). */
        BAD_INPUT,
        /** It names a run or step that does not exist (HTTP 404). */
        NOT_FOUND,
        /** The run's state does not allow it now (HTTP 409). */
        CONFLICT
    }

    private final Kind kind;

    public UserError(String message) {
        this(Kind.BAD_INPUT, message);
    }

    public UserError(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static UserError notFound(String message) {
        return new UserError(Kind.NOT_FOUND, message);
    }

    public static UserError conflict(String message) {
        return new UserError(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
