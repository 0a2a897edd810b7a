package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Network;
import java.util.List;

/**
 * One command that makes a project's environment, under its effect key. Only the install of pinned
 * dependencies is {@link #installs() an install}, and only an install may use the network.
 */
public record EnvironmentStep(String key, List<String> command, Network network) {
    public static final String CREATE = "environment";
    public static final String INSTALL = "install";

    public EnvironmentStep {
        command = List.copyOf(command);
    }

    static EnvironmentStep create(List<String> command) {
        return new EnvironmentStep(CREATE, command, Network.NONE);
    }

    static EnvironmentStep install(List<String> command) {
        return new EnvironmentStep(INSTALL, command, Network.ALLOWED);
    }

    public boolean installs() {
        return key.equals(INSTALL);
    }
}
