package dev.softwarefactory.cli;

import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.io.PrintStream;
import java.nio.file.Path;

/** The summary printed and saved when a run ends, and the exit code that goes with it. */
final class RunReport {
    private RunReport() {
    }

    static int print(Company.Status status, String lastTestReport, Path workspace, PrintStream out) {
        ProjectSummary summary = ProjectSummary.of(status, lastTestReport, workspace);
        summary.write();
        summary.print(out);
        return status.outcome() == Outcome.SUCCEEDED ? 0 : 1;
    }
}
