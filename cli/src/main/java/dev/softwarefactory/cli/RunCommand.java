package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.LlmSpec;
import com.typesafe.config.Config;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start a node, run the company on a requirement, and follow it to the end."
                + " Exit 0 when the run succeeded, 1 when it failed, 2 on a usage error.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REQUIREMENT", description = "What to build, e.g. \"Write a cli snake game\".")
    String requirement;

    @Mixin
    DataDirOption data;

    @Mixin
    LlmOptions llm;

    @Option(names = "--n-round", paramLabel = "N", defaultValue = "50",
            description = "Most actions all roles together may run (default: ${DEFAULT-VALUE}).")
    int maxRounds;

    @Option(names = "--investment", paramLabel = "USD", defaultValue = "0",
            description = "Budget in US dollars; 0 means no limit (default: ${DEFAULT-VALUE}).")
    double budget;

    @Override
    public Integer call() {
        if (requirement == null || requirement.isBlank()) {
            throw new UsageError("the requirement is empty: say what to build, e.g. run \"Write a cli snake game\"");
        }
        if (maxRounds < 1) {
            throw new UsageError("--n-round must be at least 1");
        }
        if (budget < 0) {
            throw new UsageError("--investment must not be negative");
        }
        Config config = NodeSession.userConfig();
        String spec = LlmSpec.choose(llm.explicitSpec(), config);
        LlmSpec.check(spec, config);
        return NewRun.execute(data.dataDir, spec, llm.apiKey(), requirement, maxRounds, budget, System.out);
    }
}
