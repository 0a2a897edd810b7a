package dev.softwarefactory.cli;

import dev.softwarefactory.node.ProjectSummary;
import dev.softwarefactory.node.StartedRun;
import java.io.PrintStream;

/**
 * Follows a started run to its end the same way on any node: its progress lines from the run feed (for
 * a resumed run, only what happens from now on), then its summary. Ctrl-C meanwhile stops a run of this
 * process and detaches from a serving node's run (see {@link StopOnInterrupt}).
 */
final class RunFollower {
    private final RunsClient client;
    private final RunTarget target;
    private final PrintStream out;

    RunFollower(RunsClient client, RunTarget target, PrintStream out) {
        this.client = client;
        this.target = target;
        this.out = out;
    }

    /** The lines every command that starts or resumes a run prints after its first: workspace and node. */
    void started(StartedRun run) {
        out.println("workspace " + run.workspace());
        out.println("node " + client.apiUrl() + " (runs, replay and the web page work there while the run goes)");
        out.flush();
    }

    ProjectSummary follow(StartedRun run) {
        try (StopOnInterrupt stop = target.onInterrupt(run.id(), client.apiUrl(), out)) {
            client.follow(run.id(), run.after(), event -> {
                if (event.progress() != null) {
                    out.println(event.progress());
                    out.flush();
                }
            });
            return client.summary(run.id());
        } catch (NodeFailure e) {
            throw new NodeFailure(e.getMessage() + "; continue the run with: " + target.resumeHint(run.id()));
        }
    }
}
