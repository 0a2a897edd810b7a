package dev.softwarefactory.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true, description = "Prepare a PostgreSQL journal for a cluster.",
        subcommands = {DbInitCommand.class})
final class DbCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
