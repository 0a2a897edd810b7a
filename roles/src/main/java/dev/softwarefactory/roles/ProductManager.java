package dev.softwarefactory.roles;

import dev.softwarefactory.actions.WritePrd;
import dev.softwarefactory.runtime.Message;
import java.util.List;
import java.util.Set;

/** Turns the requirement into a PRD. */
public final class ProductManager extends ReactingRole {
    public static final String NAME = "ProductManager";

    public ProductManager() {
        super(Set.of(), Set.of(), List.of(Reaction.on(Message.REQUIREMENT, new WritePrd())));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String profile() {
        return "Efficiently create a successful product";
    }
}
