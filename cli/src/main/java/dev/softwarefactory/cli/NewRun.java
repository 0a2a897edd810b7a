package dev.softwarefactory.cli;

import dev.softwarefactory.node.StartRun;
import dev.softwarefactory.node.StartedRun;
import java.io.PrintStream;
import java.util.Optional;

/** Starts a run on a command's node (see {@link RunTarget}) and follows it to its end. */
final class NewRun {
    private NewRun() {
    }

    /**
     * {@code spec} is the model of a run on a node of this process ({@code order} names the model for a
     * serving node). Returns the exit code: 0 when the run succeeded, 1 when it failed.
     */
    static int execute(RunTarget target, String spec, Optional<String> apiKey, StartRun order, PrintStream out) {
        out.println(target.opening());
        out.flush();
        try (RunsClient client = target.open(Optional.of(spec), apiKey)) {
            // Saved before its id is printed: an id the user saw is always one resume knows.
            StartedRun run = client.start(order);
            out.println("run " + run.id() + " with " + run.model());
            RunFollower follower = new RunFollower(client, target, out);
            follower.started(run);
            return RunReport.print(follower.follow(run), out);
        }
    }
}
