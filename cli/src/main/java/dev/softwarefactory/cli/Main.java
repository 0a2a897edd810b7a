package dev.softwarefactory.cli;

import dev.softwarefactory.cli.bench.BenchCommand;
import dev.softwarefactory.node.UserConfig;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.runtime.DamagedRun;
import dev.softwarefactory.runtime.UnreadableJournal;
import dev.softwarefactory.runtime.journal.JournalUnavailable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "node.jar", mixinStandardHelpOptions = true, version = "Software Factory 0.1.0",
        description = "A multi-agent software company on an Akka cluster.",
        subcommands = {RunCommand.class, ServeCommand.class, DemoCommand.class, RunsCommand.class, ResumeCommand.class, BenchCommand.class,
                SimLlmCommand.class, LlmCommand.class, ReplayCommand.class, ForkCommand.class,
                ExportDatasetCommand.class, DbCommand.class})
public final class Main implements Runnable {
    @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "The settings file to read instead of conf/application.conf.")
    void config(Path file) {
        UserConfig.use(file);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code: 0 success, 1 failed run, 2 usage error. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof DamagedRun || e instanceof UnreadableJournal || e instanceof JournalUnavailable
                    || e instanceof UncheckedIOException || e instanceof NodeFailure) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            cmd.getErr().println("error: " + e);
            e.printStackTrace(cmd.getErr());
            return 1;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("see: java -jar " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
