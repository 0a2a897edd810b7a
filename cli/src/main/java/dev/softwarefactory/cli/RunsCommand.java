package dev.softwarefactory.cli;

import dev.softwarefactory.node.UserConfig;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunSummary;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs in a data dir (through the node that serves it, if one does): status, start, duration, model calls, tokens, cost and why each ended.")
final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Mixin
    DataDirOption data;

    @Mixin
    NodeOption node;

    @Override
    public Integer call() {
        UserConfig.load(); // a mistake in it is said here too, not only once a run exists
        // A folder no run was started in holds no runs; opening a node there would make it a data dir.
        if (node.serving(data.dataDir).isEmpty() && !Files.isDirectory(data.dataDir.resolve("journal"))) {
            System.out.println("no runs in " + data.dataDir + " yet (start one with: run --data-dir " + data.dataDir
                    + " \"idea\")");
            return 0;
        }
        try (RunReader reader = node.reader(data)) {
            List<RunSummary> runs = reader.runs();
            if (runs.isEmpty()) {
                System.out.println("no runs in " + node.where(data));
                return 0;
            }
            System.out.printf("%-22s %-10s %-19s %9s %6s %9s %10s  %s%n", "RUN", "STATUS", "STARTED", "DURATION",
                    "CALLS", "TOKENS", "COST", "REQUIREMENT");
            for (RunSummary run : runs) {
                String duration = run.endedAt() == 0 ? "-" : String.format("%.1fs", (run.endedAt() - run.startedAt()) / 1000.0);
                System.out.printf("%-22s %-10s %-19s %9s %6d %9d %10s  %s%n", run.runId(), status(run, reader.live()),
                        TIME.format(Instant.ofEpochMilli(run.startedAt())), duration, run.usage().modelCalls(),
                        run.usage().tokens(),
                        String.format("$%.4f", run.usage().costUsd()), Terminal.safe(oneLine(run.requirement())));
                System.out.println("    " + Terminal.safe(why(run, reader.live())) + worked(run));
            }
            return runs.stream().anyMatch(RunSummary::damaged) ? 1 : 0;
        }
    }

    /**
     * Read without a serving node, this process holds the data dir's lock, so no node is working on a
     * run that has not ended; through a serving node, such a run is going on there.
     */
    private static String status(RunSummary run, boolean live) {
        if (run.damaged()) {
            return "DAMAGED";
        }
        return run.outcome() == Outcome.RUNNING && !live ? "UNFINISHED" : run.outcome().name();
    }

    /** A resumed run's duration includes the time it stood still; say how long it was worked on. */
    private static String worked(RunSummary run) {
        return run.downtimeMillis() == 0 || run.endedAt() == 0 ? "" : String.format(
                " (resumed: worked %.1f s, stood still %.1f s)", run.workingMillis(0) / 1000.0,
                run.downtimeMillis() / 1000.0);
    }

    private String why(RunSummary run, boolean live) {
        if (run.damaged()) {
            return "the journal of this run is damaged: " + run.damage() + "; it cannot be replayed or resumed";
        }
        if (run.outcome() != Outcome.RUNNING) {
            return run.reason();
        }
        return live ? "going on at its node; follow it with: " + node.resumeHint(run.runId(), data)
                : "stopped before its end; continue it with: " + ResumeHint.command(run.runId(), data.dataDir);
    }

    private static String oneLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
