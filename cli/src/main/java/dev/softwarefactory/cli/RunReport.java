package dev.softwarefactory.cli;

import dev.softwarefactory.node.ProjectSummary;
import java.io.PrintStream;

/** The summary printed when a run ends, and the exit code that goes with it. */
final class RunReport {
    private RunReport() {
    }

    static int print(ProjectSummary summary, PrintStream out) {
        out.printf("%nrun %s %s: %s%n", summary.runId(), summary.outcome(), summary.reason());
        out.printf("files %d, lines %d, model calls %d, tokens %d, cost $%.4f, duration %.1f s%n", summary.files(),
                summary.lines(), summary.modelCalls(), summary.tokens(), summary.costUsd(),
                summary.durationSeconds());
        out.println("tests " + summary.testResult());
        if (summary.environment() != null) {
            out.println("environment " + summary.environment().language() + " " + summary.environment().version()
                    + ", packages: " + (summary.environment().packages().isEmpty() ? "none"
                    : summary.environment().packages().entrySet().stream().map(p -> p.getKey() + " " + p.getValue())
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
        out.println("workspace " + summary.workspace());
        out.flush();
        return summary.outcome().equals("SUCCEEDED") ? 0 : 1;
    }
}
