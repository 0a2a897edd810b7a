package dev.softwarefactory.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "llm", mixinStandardHelpOptions = true, description = "Check and measure the model gateway.",
        subcommands = {LlmPingCommand.class, LlmBenchCommand.class, LlmExampleCommand.class})
final class LlmCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
