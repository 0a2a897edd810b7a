package dev.softwarefactory.cli;

import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.io.PrintStream;
import java.nio.file.Path;

/** The lines printed when a run ends, and the exit code that goes with them. */
final class RunReport {
    private RunReport() {
    }

    static int print(Company.Status status, Path workspace, PrintStream out) {
        out.printf("%nrun %s %s: %s%n", status.runId(), status.outcome(), status.reason());
        out.printf("actions %d, model calls %d, tokens %d, cost $%.4f, duration %.1f s%n", status.rounds(),
                status.usage().modelCalls(), status.usage().tokens(), status.usage().costUsd(),
                (status.endedAt() - status.startedAt()) / 1000.0);
        out.println("workspace " + workspace);
        out.flush();
        return status.outcome() == Outcome.SUCCEEDED ? 0 : 1;
    }
}
