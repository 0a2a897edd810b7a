package dev.softwarefactory.cli;

import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an unfinished run (e.g. after the node was killed); recorded effects are not repeated.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN-ID")
    String runId;

    @Mixin
    DataDirOption data;

    @Option(names = "--llm", paramLabel = "SPEC", description = "The model (default: the one the run started with).")
    String llm;

    @Override
    public Integer call() {
        data.requireExisting();
        try (NodeSession session = NodeSession.open(data.dataDir, true)) {
            RunSummary run = new RunCatalog(session.system()).find(runId).orElseThrow(() -> new UsageError(
                    "no run " + runId + " in " + data.dataDir + " (list them with: runs --data-dir " + data.dataDir + ")"));
            if (run.outcome() != Outcome.RUNNING) {
                throw new UsageError("run " + runId + " already ended " + run.outcome() + ": " + run.reason());
            }
            var model = LlmSpec.open(llm != null ? llm : run.llm());
            CompanyNode company = new CompanyNode(session, model);
            try {
                System.out.println("resuming run " + runId + " with " + model.describe());
                company.attachProgress(runId, System.out);
                company.resume(runId);
                return company.followAndReport(runId, System.out);
            } finally {
                company.close();
            }
        }
    }
}
