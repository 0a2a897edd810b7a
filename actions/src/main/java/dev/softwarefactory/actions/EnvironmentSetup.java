package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes a project's environment before anything runs in it, and sends what goes wrong to whoever can
 * fix it: a dependency problem (a package that does not exist, a version that does not resolve, pins
 * that conflict, an import no pin provides) to the owner of the dependency list; an environment that
 * cannot be made at all, or an installer that cannot reach its source, ends the run with that reason,
 * because no change of code or design fixes it.
 */
public final class EnvironmentSetup {
    private static final Pattern NO_TESTS = Pattern.compile("(?m)^Ran 0 tests");
    private final Design design;
    private final ProjectEnvironment environment;
    private final Duration timeout;

    public EnvironmentSetup(Design design, PackageSources sources, Duration timeout) {
        this.design = design;
        this.environment = ProjectEnvironment.of(design, sources);
        this.timeout = timeout;
    }

    /** Empty when the environment is ready; else the reports to publish instead of running the tests. */
    public Optional<List<Draft>> prepare(ActionContext context) {
        for (EnvironmentStep step : environment.steps()) {
            CommandExited result = context.exec(step.key(), step.command(), timeout, step.network());
            if (result.exitCode() == 0 && !result.timedOut()) {
                continue;
            }
            if (!step.installs()) {
                throw new IllegalStateException("the project's environment could not be made: "
                        + DependencyReport.lastLine(result.output()));
            }
            if (result.timedOut()) {
                throw new IllegalStateException("the dependency install timed out after " + timeout.toSeconds()
                        + " s");
            }
            if (environment.unreachable(result.output())) {
                throw new IllegalStateException("the dependency install cannot reach its package source: "
                        + DependencyReport.unreachableLine(result.output()));
            }
            return Optional.of(DependencyReport.installFailed(design, result));
        }
        return Optional.empty();
    }

    /**
     * The reports for a green unittest run that ran no test: tests written for pytest, without pytest
     * among the pins, are not found by unittest and would pass without running.
     */
    public Optional<List<Draft>> noTestsRan(CommandExited tests, boolean pytest) {
        return design.toolchain() == Toolchain.PYTHON && !pytest && NO_TESTS.matcher(tests.output()).find()
                ? Optional.of(DependencyReport.noTestsRan(design, tests)) : Optional.empty();
    }

    /** The reports for a consistency check that found imports no pin provides, if it did. */
    public Optional<List<Draft>> undeclared(CommandExited check) {
        return design.toolchain() == Toolchain.PYTHON && check.exitCode() == DependencyReport.UNDECLARED_EXIT
                && !check.timedOut() ? Optional.of(DependencyReport.undeclared(design, check)) : Optional.empty();
    }
}
