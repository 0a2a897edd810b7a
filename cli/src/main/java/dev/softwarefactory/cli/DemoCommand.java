package dev.softwarefactory.cli;

import dev.softwarefactory.node.LlmSpec;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.StartRun;
import dev.softwarefactory.roles.DemoScenario;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole company on a built-in scenario with a scripted model (no model server):"
                + " a small Python command-line program whose first version has a bug the tests catch and the"
                + " Engineer fixes. Exit 0 when the run succeeded, 1 when it failed.")
final class DemoCommand implements Callable<Integer> {
    private static final int ROUNDS = 20;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        System.out.println("DEMO: a scripted model plays every role (answers from the built-in scenario,"
                + " no model server); the tests and commands are real.");
        System.out.println("requirement: " + DemoScenario.REQUIREMENT);
        return NewRun.execute(RunTarget.of(data, new NodeOption()), LlmSpec.DEMO, Optional.empty(),
                new StartRun(DemoScenario.REQUIREMENT, new ModelOptions(LlmSpec.DEMO, null, null), ROUNDS, 0),
                System.out);
    }
}
