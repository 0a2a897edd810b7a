package dev.softwarefactory.actions;

/** A model answer that does not have the shape its action expects; the message says what is wrong. */
public final class AnswerRejected extends RuntimeException {
    public AnswerRejected(String message) {
        super(message);
    }
}
