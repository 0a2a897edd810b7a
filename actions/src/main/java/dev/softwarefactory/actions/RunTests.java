package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.List;

/** Runs the design's test command in the workspace and reports PASSED or FAILED with the output. */
public final class RunTests implements Action {
    public static final String NAME = "RunTests";
    public static final String PASSED = "PASSED";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        Design design = Design.parse(input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content());
        CommandExited result = context.exec("tests", design.testCommand(), TIMEOUT);
        String verdict = result.exitCode() == 0 && !result.timedOut() ? PASSED : "FAILED";
        return List.of(Draft.of(MessageTypes.TEST_REPORT, verdict + " (exit " + result.exitCode() + ")\n"
                + String.join(" ", design.testCommand()) + "\n" + result.output()));
    }
}
