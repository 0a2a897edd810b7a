package dev.softwarefactory.runtime;

import com.typesafe.config.Config;
import dev.softwarefactory.runtime.action.Network;
import java.nio.file.Path;
import java.util.List;

/** Where a command an action runs is confined: the process that runs it, with its arguments and environment. */
public sealed interface Sandbox permits Bubblewrap, Unsandboxed {

    /** A process running {@code command} in {@code workspace}, which must exist. */
    ProcessBuilder processFor(Path workspace, List<String> command, Network network);

    /** One line for logs: what this sandbox isolates. */
    String description();

    /**
     * The sandbox {@code software-factory.sandbox} asks for, hiding {@code hidden} from commands; may
     * probe bubblewrap and log a warning.
     */
    static Sandbox fromConfig(Config sandbox, List<Path> hidden) {
        return SandboxMode.parse(sandbox.getString("mode"))
                .select(new Bubblewrap(sandbox.getString("bwrap-executable"), hidden));
    }
}
