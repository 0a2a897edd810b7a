package dev.softwarefactory.roles;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RoleMemory;
import dev.softwarefactory.runtime.action.Action;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A role that takes its unconsumed messages oldest first and runs the action of the first reaction a
 * message matches, once it has observed the types its actions need first (topics do not order
 * messages across types). It also watches {@code observes}: types its actions read when present.
 */
abstract class ReactingRole implements RoleDefinition {
    private final Set<String> requires;
    private final Set<String> observes;
    private final List<Reaction> reactions;

    ReactingRole(Set<String> requires, Set<String> observes, List<Reaction> reactions) {
        this.requires = Set.copyOf(requires);
        this.observes = Set.copyOf(observes);
        this.reactions = List.copyOf(reactions);
    }

    @Override
    public Set<String> watches() {
        Set<String> all = new HashSet<>(requires);
        all.addAll(observes);
        reactions.forEach(r -> all.add(r.type()));
        return Set.copyOf(all);
    }

    @Override
    public List<Action> actions() {
        Map<String, Action> byName = new LinkedHashMap<>();
        reactions.forEach(r -> byName.putIfAbsent(r.action().name(), r.action()));
        return new ArrayList<>(byName.values());
    }

    @Override
    public Optional<Plan> next(RoleMemory memory) {
        Set<String> seenTypes = memory.observed().stream().map(Message::type).collect(Collectors.toSet());
        if (!seenTypes.containsAll(requires)) {
            return Optional.empty();
        }
        for (Message message : memory.unconsumed()) {
            for (Reaction reaction : reactions) {
                if (reaction.matches(message, memory)) {
                    return Optional.of(new Plan(reaction.action().name(), List.of(message.id())));
                }
            }
        }
        return Optional.empty();
    }
}
