package dev.softwarefactory.runtime;

import java.util.List;

/**
 * A message of a run. The type is the pub/sub topic (e.g. {@code Prd}); {@code causedBy} is the id
 * of the message that led to it, null for the requirement.
 */
public record Message(
        String id,
        String runId,
        String type,
        String sender,
        List<String> recipients,
        String causedBy,
        String content) implements JsonSerializable {

    public static final String REQUIREMENT = "UserRequirement";

    public Message {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
