package dev.softwarefactory.roles;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RoleMemory;
import dev.softwarefactory.runtime.action.Action;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A role that runs its one action on each new message of the type it reacts to, oldest first, once
 * it has also observed the context types the action reads (topics do not order messages across types).
 */
abstract class ReactingRole implements RoleDefinition {
    private final String trigger;
    private final Set<String> context;
    private final Action action;

    ReactingRole(String trigger, Set<String> context, Action action) {
        this.trigger = trigger;
        this.context = Set.copyOf(context);
        this.action = action;
    }

    @Override
    public Set<String> watches() {
        Set<String> all = new HashSet<>(context);
        all.add(trigger);
        return Set.copyOf(all);
    }

    @Override
    public List<Action> actions() {
        return List.of(action);
    }

    @Override
    public Optional<Plan> next(RoleMemory memory) {
        Set<String> seenTypes = memory.observed().stream().map(Message::type).collect(Collectors.toSet());
        if (!seenTypes.containsAll(context)) {
            return Optional.empty();
        }
        return memory.unconsumed().stream()
                .filter(m -> m.type().equals(trigger))
                .findFirst()
                .map(Message::id)
                .map(id -> new Plan(action.name(), List.of(id)));
    }
}
