package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.LlmSpec;
import com.typesafe.config.Config;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.StartRun;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the company on a requirement and follow it to the end: on the node that serves"
                + " --data-dir (or --node), else on a node this command starts, which serves the API on a free"
                + " loopback port while the run goes. Ctrl-C stops a run of this command's node, and detaches"
                + " from a serving node's run, which goes on."
                + " Exit 0 when the run succeeded, 1 when it failed, 2 on a usage error.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    RequirementInput requirement;

    @Mixin
    DataDirOption data;

    @Mixin
    NodeOption node;

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
        RunTarget target = RunTarget.of(data, node);
        if (target.serving()) {
            llm.explicitSpec(); // the same usage errors as for a run of this process
            return NewRun.execute(target, "", Optional.empty(),
                    new StartRun(idea, llm.forServingNode(), maxRounds, budget), System.out);
        }
        Config config = NodeSession.userConfig();
        String spec = LlmSpec.choose(llm.explicitSpec(), config);
        LlmSpec.check(spec, config);
        return NewRun.execute(target, spec, llm.apiKey(), new StartRun(idea, ModelOptions.NONE, maxRounds, budget),
                System.out);
    }
}
