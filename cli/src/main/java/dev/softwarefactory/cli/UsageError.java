package dev.softwarefactory.cli;

/** Bad input from the user: printed as one line, exit code 2, nothing written. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
