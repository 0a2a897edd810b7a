package dev.softwarefactory.llmgateway;

/** One turn of a chat prompt; role is "system", "user" or "assistant" as in the OpenAI wire format. */
public record ChatMessage(String role, String content) {
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
