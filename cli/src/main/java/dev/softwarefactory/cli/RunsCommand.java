package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs in a data dir: status, start, duration, model calls, tokens, cost and why each ended.")
final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        data.requireExisting();
        try (NodeSession session = NodeSession.open(data.dataDir, false)) {
            List<RunSummary> runs = new RunCatalog(session.system()).runs();
            if (runs.isEmpty()) {
                System.out.println("no runs in " + data.dataDir);
                return 0;
            }
            System.out.printf("%-22s %-10s %-19s %9s %6s %9s %10s  %s%n", "RUN", "STATUS", "STARTED", "DURATION",
                    "CALLS", "TOKENS", "COST", "REQUIREMENT");
            for (RunSummary run : runs) {
                String duration = run.endedAt() == 0 ? "-" : String.format("%.1fs", (run.endedAt() - run.startedAt()) / 1000.0);
                System.out.printf("%-22s %-10s %-19s %9s %6d %9d %10s  %s%n", run.runId(), status(run),
                        TIME.format(Instant.ofEpochMilli(run.startedAt())), duration, run.usage().modelCalls(),
                        run.usage().tokens(),
                        String.format("$%.4f", run.usage().costUsd()), oneLine(run.requirement()));
                System.out.println("    " + why(run));
            }
            return 0;
        }
    }

    /** This process holds the data dir's lock, so no node is working on a run that has not ended. */
    private static String status(RunSummary run) {
        return run.outcome() == Outcome.RUNNING ? "UNFINISHED" : run.outcome().name();
    }

    private static String why(RunSummary run) {
        return run.outcome() == Outcome.RUNNING ? "stopped before its end; continue it with: resume " + run.runId()
                : run.reason();
    }

    private static String oneLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
