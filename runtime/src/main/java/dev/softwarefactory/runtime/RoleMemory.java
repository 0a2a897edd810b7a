package dev.softwarefactory.runtime;

import java.util.List;
import java.util.Set;

/** What a role has observed, in order, and which of those messages an action has already taken. */
public record RoleMemory(List<Message> observed, Set<String> consumed) {
    public List<Message> unconsumed() {
        return observed.stream().filter(m -> !consumed.contains(m.id())).toList();
    }
}
