package dev.softwarefactory.runtime;

import java.util.List;
import java.util.Optional;

/** A standard operating procedure: the roles of a company and what counts as done. */
public interface Sop {
    List<RoleDefinition> roles();

    /** Why the run is complete once this message is published, or empty if it is not. */
    Optional<String> completes(Message message);
}
