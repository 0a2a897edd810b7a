package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.LlmSpec;
import dev.softwarefactory.node.RunIds;
import dev.softwarefactory.node.SourceRun;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.replay.ReplaySource;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fork", mixinStandardHelpOptions = true,
        description = "Start a new run that serves a recorded run's effects up to a step and runs live after it."
                + " Exit 0 when the new run succeeded, 1 when it failed, 2 on a usage error.")
final class ForkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN-ID")
    String runId;

    @Mixin
    DataDirOption data;

    @Option(names = "--at", paramLabel = "STEP", required = true,
            description = "The last step of the recorded run whose effects are served (see: replay RUN-ID).")
    long atStep;

    /** The model after the step; the run's own when none is named. */
    @Mixin
    LlmOptions llm;

    @Option(names = "--alias-map", paramLabel = "ROLE=ALIAS",
            description = "After the step, ROLE's model calls go to ALIAS of the configured gateway (repeatable).")
    Map<String, String> aliasMap;

    @Option(names = "--investment", paramLabel = "USD", converter = UsdAmount.class,
            description = "Budget in US dollars (default: the run's).")
    Double budget;

    @Option(names = "--n-round", paramLabel = "N", description = "Most actions of the new run (default: the run's).")
    Integer maxRounds;

    /** The model after the step, with --alias-map's roles sent to other aliases. */
    private String spec(String recorded) {
        String base = llm.specOver(recorded);
        return aliasMap == null ? base : LlmSpec.withAliasMap(base, aliasMap);
    }

    @Override
    public Integer call() {
        data.requireExisting();
        if (maxRounds != null && maxRounds < 1) {
            throw new UsageError("--n-round must be at least 1");
        }
        try (NodeSession session = NodeSession.open(data.dataDir, true)) {
            SourceRun source = SourceRun.read(session, data.dataDir, runId);
            source.timeline().step(atStep); // refuses a step the run does not have
            RunConfig old = source.config();
            String spec = spec(old.llm());
            LlmSpec.check(spec, session.system().settings().config());
            LlmClient model = LlmSpec.open(spec, session.system(), llm.apiKey());
            String forkId = RunIds.next();
            CompanyNode company = new CompanyNode(session, model);
            try {
                System.out.println("run " + forkId + " forks " + runId + " at step " + atStep + ", then "
                        + model.describe());
                System.out.println("workspace " + session.workspaces().resolve(forkId));
                ProgressPrinter.attach(session.system(), forkId, System.out);
                company.start(forkId, new RunConfig(old.requirement(), spec, old.roles(),
                        maxRounds != null ? maxRounds : old.maxRounds(), budget != null ? budget : old.budgetUsd(),
                        ReplaySource.fork(runId, atStep)));
                return RunReport.print(company.finish(forkId), System.out);
            } finally {
                company.close();
            }
        }
    }
}
