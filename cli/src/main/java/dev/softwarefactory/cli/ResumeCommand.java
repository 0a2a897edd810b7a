package dev.softwarefactory.cli;

import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.LlmSpec;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.runtime.DamagedRun;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunSummary;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an unfinished run (e.g. after the node was killed); recorded effects are not repeated.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN-ID")
    String runId;

    @Mixin
    DataDirOption data;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() {
        data.requireExisting();
        Optional<String> chosen = llm.explicitSpec();
        chosen.ifPresent(spec -> LlmSpec.check(spec, NodeSession.userConfig()));
        System.out.println("resuming run " + runId + ": starting a node on " + data.dataDir.toAbsolutePath().normalize()
                + " and reading the run's journal ...");
        System.out.flush();
        try (NodeSession session = NodeSession.open(data.dataDir, true)) {
            RunSummary run = new RunCatalog(session.system()).find(runId).orElseThrow(() -> new UsageError(
                    "no run " + runId + " in " + data.dataDir + " (list them with: runs --data-dir " + data.dataDir + ")"));
            if (run.damaged()) {
                throw new DamagedRun(runId, run.damage() + "; it is not resumed, as its roles would redo (and pay"
                        + " for) what the lost events recorded");
            }
            if (run.outcome() != Outcome.RUNNING) {
                throw new UsageError("run " + runId + " already ended " + run.outcome() + ": " + run.reason());
            }
            String spec = chosen.orElse(run.llm());
            LlmSpec.check(spec, session.system().settings().config());
            var model = LlmSpec.open(spec, session.system(), llm.apiKey());
            CompanyNode company = new CompanyNode(session, model);
            try {
                System.out.println("run " + runId + " resumed with " + model.describe()
                        + "; recorded effects are served from the journal");
                ProgressPrinter.attach(session.system(), runId, System.out);
                try (StopOnInterrupt stop = StopOnInterrupt.arm(runId, data.dataDir, System.out)) {
                    company.resume(runId);
                    int exit = RunReport.print(company.finish(runId), System.out);
                    new RunCatalog(session.system()).find(runId).ifPresent(ended -> System.out.printf(
                            "working time %.1f s (the duration above includes %.1f s the run stood still)%n",
                            ended.workingMillis(0) / 1000.0, ended.downtimeMillis() / 1000.0));
                    return exit;
                }
            } finally {
                company.close();
            }
        }
    }
}
