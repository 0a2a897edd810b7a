package dev.softwarefactory.cli;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.eventstream.EventStream;
import akka.actor.typed.javadsl.Behaviors;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.RunTests;
import dev.softwarefactory.runtime.Progress;
import java.io.PrintStream;

/** Prints a run's progress as it happens, one line an event. */
final class ProgressPrinter {
    private ProgressPrinter() {
    }

    static void attach(ActorSystem<?> system, String runId, PrintStream out) {
        ActorRef<Progress> printer = system.systemActorOf(behavior(runId, out), "progress-" + runId,
                akka.actor.typed.Props.empty());
        system.eventStream().tell(new EventStream.Subscribe<>(Progress.class, printer));
    }

    private static Behavior<Progress> behavior(String runId, PrintStream out) {
        return Behaviors.receiveMessage(event -> {
            if (event.runId().equals(runId)) {
                out.println(line(event));
                out.flush();
            }
            return Behaviors.same();
        });
    }

    static String line(Progress event) {
        if (event instanceof Progress.ActionStarted e) {
            return String.format("[%s] %s started", e.role(), e.action());
        }
        if (event instanceof Progress.EffectRecorded e) {
            return String.format("[%s]   %s  (%s)", e.role(), e.key(), e.summary());
        }
        if (event instanceof Progress.MessagePublished e) {
            String line = String.format("#%d %s from %s", e.seq(), e.type(), e.sender());
            // A red test run says which tests failed, and where the whole report is.
            return e.type().equals(MessageTypes.TEST_REPORT) && e.headline().startsWith(RunTests.FAILED)
                    ? line + ": " + e.headline() + "\n    the whole report: java -jar node.jar replay " + e.runId()
                            + " --type " + MessageTypes.BUG_REPORT + ", then --show its STEP"
                    : line;
        }
        Progress.ActionFailed e = (Progress.ActionFailed) event;
        return String.format("[%s] %s FAILED: %s", e.role(), e.action(), e.reason());
    }
}
