package dev.softwarefactory.runtime.journal;

/** The configured journal cannot be used: a bad setting, an unreachable database, or no schema. */
public final class JournalUnavailable extends RuntimeException {
    public JournalUnavailable(String message) {
        super(message);
    }
}
