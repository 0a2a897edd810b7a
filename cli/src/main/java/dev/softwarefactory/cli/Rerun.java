package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.RunIds;
import dev.softwarefactory.node.SourceRun;
import dev.softwarefactory.node.NoModel;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.replay.ReplaySource;
import dev.softwarefactory.runtime.replay.WorkspaceDigest;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Re-executes a recorded run as a new run whose every effect is served from the source's journal
 * (no model is opened), then compares the two workspaces by digest.
 */
final class Rerun {
    private final NodeSession session;
    private final SourceRun source;

    Rerun(NodeSession session, SourceRun source) {
        this.session = session;
        this.source = source;
    }

    /** Exit 0 when the rerun ended as the source did with a byte-identical workspace, else 1. */
    int run(PrintStream out) {
        if (source.summary().outcome() == Outcome.RUNNING) {
            throw new UsageError("run " + source.runId() + " has not ended: resume it first, or fork it with --at");
        }
        RunConfig old = source.config();
        String runId = RunIds.next();
        CompanyNode company = new CompanyNode(session, new NoModel(source.runId()));
        Company.Status end;
        try {
            out.println("run " + runId + " reruns " + source.runId() + " with every effect served from its journal");
            out.println("workspace " + session.workspaces().resolve(runId));
            ProgressPrinter.attach(session.system(), runId, out);
            company.start(runId, new RunConfig(old.requirement(), old.llm(), old.roles(), old.maxRounds(),
                    old.budgetUsd(), ReplaySource.rerun(source.runId())));
            RunReport.print(company.finish(runId), out);
            end = company.follow(runId);
        } finally {
            company.close();
        }
        return compare(end, session.workspaces().resolve(source.runId()), session.workspaces().resolve(runId), out);
    }

    private int compare(Company.Status end, Path sourceWorkspace, Path rerunWorkspace, PrintStream out) {
        String before = WorkspaceDigest.of(sourceWorkspace);
        String after = WorkspaceDigest.of(rerunWorkspace);
        out.printf("source workspace sha256 %s  %s%n", before, sourceWorkspace);
        out.printf("rerun  workspace sha256 %s  %s%n", after, rerunWorkspace);
        boolean sameOutcome = end.outcome() == source.summary().outcome();
        if (sameOutcome && before.equals(after)) {
            out.printf("reproduced: %s again with identical workspaces and %d model calls%n", end.outcome(),
                    end.usage().modelCalls());
            return 0;
        }
        out.printf("NOT reproduced: source %s, rerun %s%s%n", source.summary().outcome(), end.outcome(),
                before.equals(after) ? "" : "; the workspaces differ");
        return 1;
    }
}
