package dev.softwarefactory.cli;

import dev.softwarefactory.node.ForkRun;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.StartedRun;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fork", mixinStandardHelpOptions = true,
        description = "Start a new run that serves a recorded run's effects up to a step and runs live after it."
                + " On a serving node (the one holding --data-dir, or --node) the fork runs there."
                + " Exit 0 when the new run succeeded, 1 when it failed, 2 on a usage error.")
final class ForkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN-ID")
    String runId;

    @Mixin
    DataDirOption data;

    @Mixin
    NodeOption node;

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

    @Override
    public Integer call() {
        if (maxRounds != null && maxRounds < 1) {
            throw new UsageError("--n-round must be at least 1");
        }
        RunTarget target = RunTarget.of(data, node);
        ModelOptions model = target.serving() ? llm.forServingNode() : llm.modelOptions();
        if (!target.serving()) {
            data.requireExisting();
        }
        System.out.println("forking run " + runId + " at step " + atStep + ": " + target.opening());
        System.out.flush();
        try (RunsClient client = target.open(Optional.empty(), llm.apiKey())) {
            StartedRun run = client.fork(runId, new ForkRun(atStep, model, aliasMap, budget, maxRounds));
            System.out.println("run " + run.id() + " forks " + runId + " at step " + atStep + ", then " + run.model());
            RunFollower follower = new RunFollower(client, target, System.out);
            follower.started(run);
            return RunReport.print(follower.follow(run), System.out);
        }
    }
}
