package dev.softwarefactory.cli;

import dev.softwarefactory.node.UserError;

/** Bad input on the command line: printed as one line, exit code 2, nothing written. */
final class UsageError extends UserError {
    UsageError(String message) {
        super(message);
    }
}
