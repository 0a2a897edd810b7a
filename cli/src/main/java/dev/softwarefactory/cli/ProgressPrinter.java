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
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a run's progress as it happens, one line an event. Attached before the run starts (so no
 * event is missed) and held until {@link #release}, so that the run's id is printed first.
 */
final class ProgressPrinter {
    private final ActorRef<Object> printer;

    private ProgressPrinter(ActorRef<Object> printer) {
        this.printer = printer;
    }

    /** A printer that prints at once. */
    static void attach(ActorSystem<?> system, String runId, PrintStream out) {
        attachHeld(system, runId, out).release();
    }

    /** A printer that keeps the lines until it is released. */
    static ProgressPrinter attachHeld(ActorSystem<?> system, String runId, PrintStream out) {
        ActorRef<Object> printer = system.systemActorOf(held(runId, out, new ArrayList<>()), "progress-" + runId,
                akka.actor.typed.Props.empty());
        system.eventStream().tell(new EventStream.Subscribe<>(Progress.class, printer.narrow()));
        return new ProgressPrinter(printer);
    }

    void release() {
        printer.tell(Release.INSTANCE);
    }

    private enum Release {
        INSTANCE
    }

    private static Behavior<Object> held(String runId, PrintStream out, List<String> lines) {
        return Behaviors.receiveMessage(message -> {
            if (message == Release.INSTANCE) {
                lines.forEach(out::println);
                out.flush();
                return printing(runId, out);
            }
            if (message instanceof Progress event && event.runId().equals(runId)) {
                lines.add(line(event));
            }
            return Behaviors.same();
        });
    }

    private static Behavior<Object> printing(String runId, PrintStream out) {
        return Behaviors.receiveMessage(message -> {
            if (message instanceof Progress event && event.runId().equals(runId)) {
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
