package dev.softwarefactory.roles;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleMemory;
import dev.softwarefactory.runtime.action.Action;
import java.util.function.BiPredicate;

/** One rule of a role: a message of this type that {@code applies} (given the role's memory) runs the action. */
record Reaction(String type, BiPredicate<Message, RoleMemory> applies, Action action) {

    static Reaction on(String type, Action action) {
        return new Reaction(type, (message, memory) -> true, action);
    }

    static Reaction onContent(String type, String prefix, Action action) {
        return new Reaction(type, (message, memory) -> message.content().startsWith(prefix), action);
    }

    boolean matches(Message message, RoleMemory memory) {
        return message.type().equals(type) && applies.test(message, memory);
    }
}
