package dev.softwarefactory.runtime.action;

import dev.softwarefactory.runtime.Message;
import java.util.List;
import java.util.Optional;

/** What an action works on: the messages that triggered it and everything its role has observed. */
public record ActionInput(List<Message> triggers, List<Message> memory) {
    /** The newest observed message of a type, if any. */
    public Optional<Message> latest(String type) {
        for (int i = memory.size() - 1; i >= 0; i--) {
            if (memory.get(i).type().equals(type)) {
                return Optional.of(memory.get(i));
            }
        }
        return Optional.empty();
    }
}
