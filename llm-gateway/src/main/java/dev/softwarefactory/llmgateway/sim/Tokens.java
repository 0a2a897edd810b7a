package dev.softwarefactory.llmgateway.sim;

import dev.softwarefactory.llmgateway.ChatMessage;
import java.util.List;

/** A rough token count: four characters a token, as the simulator has no tokenizer. */
final class Tokens {
    private Tokens() {
    }

    static int of(String text) {
        return (text.length() + 3) / 4;
    }

    static int of(List<ChatMessage> messages) {
        return messages.stream().mapToInt(m -> of(m.content())).sum();
    }
}
