package dev.softwarefactory.node;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.RunTests;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.EffectSummary;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.replay.Step;

/** The line `run` prints for a journaled event of a run, or null for an event it does not print. */
public final class ProgressLine {
    private static final int HEADLINE = 300;
    private ProgressLine() {
    }

    public static String of(Step step) {
        Object event = step.event();
        if (event instanceof RoleActor.ActionStarted e) {
            return String.format("[%s] %s started", step.role(), e.action());
        }
        if (event instanceof RoleActor.EffectRecorded e) {
            return String.format("[%s]   %s  (%s)", step.role(), e.key(), EffectSummary.of(e.result()));
        }
        if (event instanceof RoleActor.EffectReplayed e) {
            return String.format("[%s]   %s  (%s, served from step %d)", step.role(), e.key(),
                    EffectSummary.of(e.result()), e.sourceStep());
        }
        if (event instanceof Company.MessagePublished e) {
            Message message = e.entry().message();
            String line = String.format("#%d %s from %s", e.entry().seq(), message.type(), message.sender());
            String headline = message.content().lines().findFirst().orElse("");
            // A red test run says which tests failed, and where the whole report is.
            return message.type().equals(MessageTypes.TEST_REPORT) && headline.startsWith(RunTests.FAILED)
                    ? line + ": " + (headline.length() > HEADLINE ? headline.substring(0, HEADLINE) : headline)
                            + "\n    the whole report: java -jar node.jar replay " + message.runId() + " --type "
                            + MessageTypes.BUG_REPORT + ", then --show its STEP"
                    : line;
        }
        if (event instanceof RoleActor.ActionFailed e) {
            return String.format("[%s] %s FAILED: %s", step.role(), e.action(), e.reason());
        }
        return null;
    }
}
