package dev.softwarefactory.runtime;

/** The journal of a data dir cannot be opened or read: no run in it can be listed, replayed or resumed. */
public final class UnreadableJournal extends RuntimeException {
    public UnreadableJournal(String message) {
        super(message);
    }
}
