package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.LlmSpec;
import com.typesafe.config.Config;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start a node, run the company on a requirement, and follow it to the end."
                + " Exit 0 when the run succeeded, 1 when it failed, 2 on a usage error.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    RequirementInput requirement;

    @Mixin
    DataDirOption data;

    @Mixin
    LlmOptions llm;

    @Option(names = "--n-round", paramLabel = "N", defaultValue = "50",
            description = "Most actions all roles together may run (default: ${DEFAULT-VALUE}).")
    int maxRounds;

    @Option(names = "--investment", paramLabel = "USD", defaultValue = "0", converter = UsdAmount.class,
            description = "Budget in US dollars; 0 means no limit (default: ${DEFAULT-VALUE}).")
    double budget;

    @Override
    public Integer call() {
        String idea = requirement.read();
        if (maxRounds < 1) {
            throw new UsageError("--n-round must be at least 1");
        }
        Config config = NodeSession.userConfig();
        String spec = LlmSpec.choose(llm.explicitSpec(), config);
        LlmSpec.check(spec, config);
        return NewRun.execute(data.dataDir, spec, llm.apiKey(), idea, maxRounds, budget, System.out);
    }
}
