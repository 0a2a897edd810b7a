package dev.softwarefactory.cli;

import dev.softwarefactory.node.ProjectSummary;
import dev.softwarefactory.node.RunDetail;
import dev.softwarefactory.node.StartedRun;
import dev.softwarefactory.runtime.RunSummary;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Re-executes an ended run as a new run whose every effect is served from the source's journal (no
 * model is opened), on any node, then compares the two workspaces by the digests the node computed.
 */
final class Rerun {
    private Rerun() {
    }

    /** Exit 0 when the rerun ended as the source did with a byte-identical workspace, else 1. */
    static int run(RunsClient client, RunTarget target, String sourceId, PrintStream out) {
        RunSummary source = client.run(sourceId);
        StartedRun run = client.rerun(sourceId);
        out.println("run " + run.id() + " reruns " + sourceId + " with every effect served from its journal");
        RunFollower follower = new RunFollower(client, target, out);
        follower.started(run);
        ProjectSummary end = follower.follow(run);
        RunReport.print(end, out);
        RunDetail.Digests digests = client.digests(run.id());
        Path rerunWorkspace = Path.of(run.workspace());
        String before = digests == null ? "-" : digests.source();
        String after = digests == null ? "-" : digests.rerun();
        out.printf("source workspace sha256 %s  %s%n", before, rerunWorkspace.resolveSibling(sourceId));
        out.printf("rerun  workspace sha256 %s  %s%n", after, rerunWorkspace);
        boolean sameOutcome = end.outcome().equals(source.outcome().name());
        if (sameOutcome && digests != null && before.equals(after)) {
            out.printf("reproduced: %s again with identical workspaces and %d model calls%n", end.outcome(),
                    end.modelCalls());
            return 0;
        }
        out.printf("NOT reproduced: source %s, rerun %s%s%n", source.outcome(), end.outcome(),
                digests != null && before.equals(after) ? "" : "; the workspaces differ");
        return 1;
    }
}
