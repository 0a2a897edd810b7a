package dev.softwarefactory.runtime;

import java.util.List;
import java.util.Optional;

/** A standard operating procedure: the roles of a company and what counts as done. */
public interface Sop {
    List<RoleDefinition> roles();

    /** Why the run is complete once this message is published, or empty if it is not. */
    Optional<String> completes(Message message);

    /**
     * Why the run cannot usefully go on once this message is published (the run ends FAILED), or
     * empty; {@code log} is every message of the run so far, this one last.
     */
    default Optional<String> stops(Message message, List<Message> log) {
        return Optional.empty();
    }
}
