package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks the project's consistency, installs its dependencies, and runs its real test command. Green
 * is a PASSED test report; anything red is a FAILED report and a bug report with the failing output.
 */
public final class RunTests implements Action {
    public static final String NAME = "RunTests";
    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";
    static final int OUTPUT_TAIL = 6000;
    private final Duration timeout;

    public RunTests(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        Design design = CodeBase.design(input);
        ProjectCommands commands = new ProjectCommands(design);
        CommandExited check = context.exec("check", commands.consistencyCheck(), timeout);
        if (!green(check)) {
            return red("the consistency check", check, TestResults.NONE);
        }
        Optional<CommandExited> install = DependencyInstall.run(context, design, timeout);
        if (install.isPresent() && !green(install.get())) {
            return red("the dependency install", install.get(), TestResults.NONE);
        }
        boolean pytest = design.toolchain() == Toolchain.PYTHON
                && context.exec("probe-pytest", commands.pytestProbe(), timeout).exitCode() == 0;
        CommandExited tests = context.exec("tests", commands.tests(pytest, timeout), timeout);
        if (!green(tests)) {
            return red("the tests", tests, TestRunReader.read(context, design, pytest, tests));
        }
        return List.of(Draft.of(MessageTypes.TEST_REPORT, PASSED + " " + outcome(tests) + "\n" + tail(tests)));
    }

    private static boolean green(CommandExited result) {
        return result.exitCode() == 0 && !result.timedOut();
    }

    private List<Draft> red(String step, CommandExited result, TestResults results) {
        String report = FailureReport.render(step, outcome(result), results, result.output());
        return List.of(Draft.of(MessageTypes.TEST_REPORT, report),
                Draft.of(MessageTypes.BUG_REPORT, report));
    }

    private String outcome(CommandExited result) {
        return result.timedOut() ? "timed out after " + timeout.toSeconds() + " s"
                : "(exit " + result.exitCode() + ", " + result.durationMillis() + " ms)";
    }

    private static String tail(CommandExited result) {
        String output = result.output();
        return output.length() <= OUTPUT_TAIL ? output
                : "[... " + (output.length() - OUTPUT_TAIL) + " characters before]\n"
                        + output.substring(output.length() - OUTPUT_TAIL);
    }
}
