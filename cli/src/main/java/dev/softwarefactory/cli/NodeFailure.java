package dev.softwarefactory.cli;

/**
 * A serving node could not be reached, went away, or could not do what it was asked for a reason that
 * is not the command line's (a damaged journal, an internal error): one line, exit code 1.
 */
final class NodeFailure extends RuntimeException {
    NodeFailure(String message) {
        super(message);
    }
}
