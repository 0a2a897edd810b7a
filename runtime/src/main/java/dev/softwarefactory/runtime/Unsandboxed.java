package dev.softwarefactory.runtime;

import dev.softwarefactory.runtime.action.Network;
import java.nio.file.Path;
import java.util.List;

/** Runs commands directly on the host: the whole file system and the network are reachable. */
public final class Unsandboxed implements Sandbox {

    @Override
    public ProcessBuilder processFor(Path workspace, List<String> command, Network network) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
        // The workspace is a projection of recorded writes: keep interpreters' caches out of it.
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return builder;
    }

    @Override
    public String description() {
        return "no sandbox (they reach the network and can write wherever the node can)";
    }
}
