package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the project's environment (installing its dependencies), checks the project's consistency in
 * it, and runs its real test command. Green is a PASSED test report, after the environment the tests
 * passed in (what it held); anything red is a FAILED report
 * and a bug report with the failing output, or a dependency problem for the dependency list's owner.
 */
public final class RunTests implements Action {
    public static final String NAME = "RunTests";
    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";
    /** Green tests that let too many mutants live: they go back to QA to be strengthened. */
    public static final String WEAK = "WEAK";
    static final int OUTPUT_TAIL = 6000;
    private final Duration timeout;
    private final PackageSources sources;
    private final MutationCheck mutationCheck;

    /** Without the mutation check, with every installer using its own configuration. */
    public RunTests(Duration timeout) {
        this(timeout, PackageSources.installerDefaults(), MutationCheck.Settings.off());
    }

    public RunTests(Duration timeout, PackageSources sources, MutationCheck.Settings mutation) {
        this.timeout = timeout;
        this.sources = sources;
        this.mutationCheck = new MutationCheck(mutation);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        Design design = CodeBase.design(input);
        EnvironmentSetup environment = new EnvironmentSetup(design, sources, timeout);
        Optional<List<Draft>> unready = environment.prepare(context);
        if (unready.isPresent()) {
            return unready.get();
        }
        ProjectCommands commands = new ProjectCommands(design, sources);
        CommandExited check = context.exec("check", commands.consistencyCheck(), timeout);
        if (!green(check)) {
            return environment.undeclared(check).orElseGet(() -> red("the consistency check", check,
                    TestResults.NONE));
        }
        Optional<CommandExited> interfaces = InterfaceCheck.run(context, design, commands, timeout);
        if (interfaces.isPresent() && !green(interfaces.get())) {
            return red("the interface check", interfaces.get(), TestResults.NONE);
        }
        boolean pytest = design.toolchain() == Toolchain.PYTHON
                && context.exec("probe-pytest", commands.pytestProbe(), timeout).exitCode() == 0;
        CommandExited tests = context.exec("tests", commands.tests(pytest, timeout), timeout);
        if (!green(tests)) {
            return red("the tests", tests, TestRunReader.read(context, design, pytest, tests,
                    CodeBase.current(input, design)));
        }
        Optional<List<Draft>> none = environment.noTestsRan(tests, pytest);
        if (none.isPresent()) {
            return none.get();
        }
        Optional<MutationCheck.Result> mutants = mutationCheck.run(context, input, design, commands, pytest, timeout);
        if (mutants.isPresent() && mutants.get().sendBack()) {
            return List.of(Draft.of(MessageTypes.TEST_REPORT, mutants.get().weakReport()));
        }
        // The environment is read back here, where it was made: first, so the README's writer has it.
        List<Draft> passed = new ArrayList<>(List.of(TestedEnvironment.readBack(context, design,
                ProjectEnvironment.of(design, sources)).draft()));
        passed.add(Draft.of(MessageTypes.TEST_REPORT, PASSED + " " + outcome(tests)
                + mutants.map(m -> "; " + m.score()).orElse("") + "\n" + tail(tests)));
        return passed;
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
