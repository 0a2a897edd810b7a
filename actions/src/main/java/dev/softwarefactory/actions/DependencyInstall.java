package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Installs the design's pinned dependencies into a project-local environment, never into the host:
 * a venv under {@code .sf/} for Python. Java resolves from the local Maven repository at test time.
 * The one command of a run that may use the network.
 */
public final class DependencyInstall {
    private DependencyInstall() {
    }

    /** The install command, or empty when there is nothing to install. */
    public static Optional<List<String>> command(Design design) {
        if (design.toolchain() != Toolchain.PYTHON || design.dependencies().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "python3 -m venv --system-site-packages .sf/venv && exec " + ProjectCommands.VENV_PYTHON
                        + " -m pip install --disable-pip-version-check -q \"$@\"", "sh"));
        design.dependencies().forEach(d -> command.add(d.name() + "==" + d.version()));
        return Optional.of(command);
    }

    public static Optional<CommandExited> run(ActionContext context, Design design, Duration timeout) {
        return command(design).map(command -> context.exec("install", command, timeout, Network.ALLOWED));
    }
}
