package dev.softwarefactory.llmgateway;

import java.util.List;

/**
 * A model call. {@code action} and {@code target} name what the call is for; the first line of the
 * first message is the header {@link PromptHeader} writes from them, so a server (or the scripted
 * model) can match a request by reading the prompt alone. {@code ordinal} is the 1-based count of
 * requests this run's role has made for this action and target, stable across resumes.
 */
public record LlmRequest(
        String runId,
        String role,
        String action,
        String target,
        int ordinal,
        String alias,
        List<ChatMessage> messages) {

    public LlmRequest {
        messages = List.copyOf(messages);
    }
}
