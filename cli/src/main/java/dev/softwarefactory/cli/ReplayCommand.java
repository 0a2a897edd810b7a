package dev.softwarefactory.cli;

import dev.softwarefactory.node.RunTimeline;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.replay.Step;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Print a run's timeline across all roles, one step in full (--show), or re-execute the run"
                + " with every effect served from its journal (--rerun).")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN-ID")
    String runId;

    @Mixin
    DataDirOption data;

    @Option(names = "--role", paramLabel = "R", description = "Only the steps of this role (or Company).")
    String role;

    @Option(names = "--type", paramLabel = "T",
            description = "Only steps of this event (e.g. EffectRecorded), effect kind (llm, file, exec, now)"
                    + " or message type (e.g. Prd).")
    String type;

    @Option(names = "--json", description = "One JSON object a step.")
    boolean json;

    @Option(names = "--show", paramLabel = "STEP", description = "Print this step in full.")
    Long show;

    @Option(names = "--rerun", description = "Re-execute the run as a new run, every effect served from its journal;"
            + " prints both workspace digests. Exit 0 when the rerun reproduced the run.")
    boolean rerun;

    @Mixin
    NodeOption node;

    @Override
    public Integer call() {
        if (rerun && (role != null || type != null || json || show != null)) {
            throw new UsageError("--rerun takes none of --role, --type, --json, --show");
        }
        if (rerun) {
            RunTarget target = RunTarget.of(data, node);
            if (!target.serving()) {
                data.requireExisting();
            }
            System.out.println("rerunning run " + runId + ": " + (target.serving() ? target.opening()
                    : "starting a node on " + data.dataDir.toAbsolutePath().normalize()
                            + " and reading the run's journal ..."));
            System.out.flush();
            try (RunsClient client = target.open(Optional.empty(), Optional.empty())) {
                return Rerun.run(client, target, runId, System.out);
            }
        }
        try (RunReader reader = node.reader(data)) {
            RunTimeline timeline = new RunTimeline(runId, reader.timeline(runId));
            PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out,
                    StandardCharsets.UTF_8), 1 << 16));
            print(timeline, new TimelinePrinter(out));
            out.flush();
            return 0;
        }
    }

    private void print(RunTimeline timeline, TimelinePrinter printer) {
        requireKnownFilters(timeline);
        if (show != null) {
            printer.full(timeline.step(show));
            return;
        }
        if (!json) {
            printer.header();
        }
        for (Step step : timeline.steps()) {
            if (matches(step)) {
                if (json) {
                    printer.json(step);
                } else {
                    printer.row(step);
                }
            }
        }
    }

    /** A role or type the run does not have would print an empty table: say what it has instead. */
    private void requireKnownFilters(RunTimeline timeline) {
        if (role != null) {
            Set<String> roles = new TreeSet<>();
            timeline.steps().forEach(step -> roles.add(step.role()));
            if (!roles.contains(role)) {
                throw new UsageError("run " + runId + " has no role " + Terminal.safe(role) + "; its roles: "
                        + String.join(", ", roles));
            }
        }
        if (type != null) {
            Set<String> events = new TreeSet<>();
            Set<String> kinds = new TreeSet<>();
            Set<String> messages = new TreeSet<>();
            for (Step step : timeline.steps()) {
                events.add(step.type());
                if (step.effectKey().contains(":")) {
                    kinds.add(step.effectKey().substring(0, step.effectKey().indexOf(':')));
                }
                if (!messageType(step).isEmpty()) {
                    messages.add(messageType(step));
                }
            }
            if (!events.contains(type) && !kinds.contains(type) && !messages.contains(type)) {
                throw new UsageError("run " + runId + " has no step of type " + Terminal.safe(type) + "; its events: "
                        + String.join(", ", events) + "; effect kinds: " + String.join(", ", kinds)
                        + "; message types: " + String.join(", ", messages));
            }
        }
    }

    private boolean matches(Step step) {
        if (role != null && !role.equals(step.role())) {
            return false;
        }
        return type == null || type.equals(step.type()) || step.effectKey().startsWith(type + ":")
                || messageType(step).equals(type);
    }

    private static String messageType(Step step) {
        if (step.event() instanceof Company.MessagePublished e) {
            return e.entry().message().type();
        }
        if (step.event() instanceof RoleActor.MessageObserved e) {
            return e.entry().message().type();
        }
        return "";
    }
}
