package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.LlmSpec;
import dev.softwarefactory.node.RunIds;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RunConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** Starts a node on a data dir, starts a run of the company on it, and follows it to its end. */
final class NewRun {
    private NewRun() {
    }

    /** Returns the exit code: 0 when the run succeeded, 1 when it failed. */
    static int execute(Path dataDir, String spec, Optional<String> apiKey, String requirement, int maxRounds,
            double budget, PrintStream out) {
        String runId = RunIds.next();
        out.println("starting a node on " + dataDir.toAbsolutePath().normalize() + " ...");
        out.flush();
        try (NodeSession session = NodeSession.open(dataDir, true)) {
            LlmClient model = LlmSpec.open(spec, session.system(), apiKey);
            CompanyNode company = new CompanyNode(session, model);
            try {
                ProgressPrinter progress = ProgressPrinter.attachHeld(session.system(), runId, out);
                // Saved before its id is printed: an id the user saw is always one resume knows.
                company.start(runId, new RunConfig(requirement.strip(), spec,
                        company.sop().roles().stream().map(RoleDefinition::name).toList(), maxRounds, budget));
                out.println("run " + runId + " with " + model.describe());
                out.println("workspace " + session.workspaces().resolve(runId));
                out.flush();
                progress.release();
                try (StopOnInterrupt stop = StopOnInterrupt.arm(runId, dataDir, out)) {
                    return RunReport.print(company.finish(runId), out);
                }
            } finally {
                company.close();
            }
        }
    }
}
