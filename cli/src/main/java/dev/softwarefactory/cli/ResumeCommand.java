package dev.softwarefactory.cli;

import dev.softwarefactory.node.LlmSpec;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.StartedRun;
import dev.softwarefactory.runtime.RunSummary;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an unfinished run (e.g. after the node was killed); recorded effects are not repeated."
                + " On a serving node (the one holding --data-dir, or --node), follows a run going there.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN-ID")
    String runId;

    @Mixin
    DataDirOption data;

    @Mixin
    NodeOption node;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() {
        RunTarget target = RunTarget.of(data, node);
        ModelOptions model;
        if (target.serving()) {
            model = llm.forServingNode();
            System.out.println("resuming run " + runId + ": " + target.opening());
        } else {
            data.requireExisting();
            Optional<String> chosen = llm.explicitSpec();
            chosen.ifPresent(spec -> LlmSpec.check(spec, NodeSession.userConfig()));
            model = new ModelOptions(chosen.orElse(null), null, null);
            System.out.println("resuming run " + runId + ": starting a node on "
                    + data.dataDir.toAbsolutePath().normalize() + " and reading the run's journal ...");
        }
        System.out.flush();
        try (RunsClient client = target.open(Optional.empty(), llm.apiKey())) {
            StartedRun run = client.resume(runId, model);
            System.out.println("run " + runId + " resumed with " + run.model()
                    + "; recorded effects are served from the journal");
            RunFollower follower = new RunFollower(client, target, System.out);
            follower.started(run);
            int exit = RunReport.print(follower.follow(run), System.out);
            RunSummary ended = client.run(runId);
            System.out.printf("working time %.1f s (the duration above includes %.1f s the run stood still)%n",
                    ended.workingMillis(0) / 1000.0, ended.downtimeMillis() / 1000.0);
            return exit;
        }
    }
}
