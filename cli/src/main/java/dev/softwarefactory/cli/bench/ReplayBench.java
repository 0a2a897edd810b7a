package dev.softwarefactory.cli.bench;

import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.cli.TimelinePrinter;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.replay.ReplaySource;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Measure replay on this machine: printing the timeline of a long run (beside reading its"
                + " events alone), a rerun beside the original run recorded with a simulated model latency, and"
                + " reading the journal with LevelDB's checksums verified beside not verified.")
public final class ReplayBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "10000",
            description = "Events of the run whose timeline is printed (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--calls", defaultValue = "200",
            description = "Model calls of the run that is rerun (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--latency-ms", defaultValue = "200",
            description = "Simulated model latency of the original run (default: ${DEFAULT-VALUE}).")
    int latencyMs;


    @Override
    public Integer call() throws Exception {
        if (events < Writers.RUN_EVENTS + Writers.EVENTS_PER_WRITE || calls < 1 || latencyMs < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need --events >= " + (Writers.RUN_EVENTS + Writers.EVENTS_PER_WRITE)
                            + ", --calls >= 1 and --latency-ms >= 0");
        }
        Path dataDir = Files.createTempDirectory("sf-bench-replay");
        CountingModel model = new CountingModel(new ScriptedModel(List.of(
                new ScriptEntry("WriteFast", null, "x".repeat(200), 0),
                new ScriptEntry("WriteSlow", null, "x".repeat(200), latencyMs)), "bench"));
        try (NodeSession session = NodeSession.open(dataDir, true)) {
            CompanyNode node = new CompanyNode(session, model, new Writers());
            try {
                timeline(session, node);
                rerun(node, model);
            } finally {
                node.close();
            }
        }
        try {
            ChecksumCost.print(dataDir.resolve("journal"));
        } finally {
            BenchCommand.deleteTree(dataDir);
        }
        return 0;
    }

    private void timeline(NodeSession session, CompanyNode node) {
        int writes = Writers.writesFor(events);
        System.out.printf("recording a run of %d model calls and file writes (fsync on) ...%n", writes);
        run(node, "long", writes + " WriteFast", null);
        RunJournal journal = RunJournal.of(session.system());
        long start = System.nanoTime();
        List<Step> steps = journal.timeline("long");
        TimelinePrinter printer = new TimelinePrinter(new PrintWriter(OutputStream.nullOutputStream()));
        printer.header();
        steps.forEach(printer::row);
        double printSeconds = (System.nanoTime() - start) / 1e9;
        long readStart = System.nanoTime();
        int read = journal.eventCount("long");
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        System.out.printf("timeline of a run of %d events (read from the tagged stream, every row formatted):%n",
                steps.size());
        System.out.printf("  replay's table:                  %6.3f s (%,.0f steps/s)%n", printSeconds,
                steps.size() / printSeconds);
        System.out.printf("  baseline, reading its events:    %6.3f s (%d events)%n", readSeconds, read);
        System.out.printf("  ratio table / read: %.2f%n", printSeconds / readSeconds);
    }

    private void rerun(CompanyNode node, CountingModel model) {
        System.out.printf("recording a run of %d model calls at %d ms each ...%n", calls, latencyMs);
        Company.Status original = run(node, "original", calls + " WriteSlow", null);
        long callsBefore = model.calls();
        Company.Status rerun = run(node, "rerun", calls + " WriteSlow", ReplaySource.rerun("original"));
        double originalSeconds = (original.endedAt() - original.startedAt()) / 1000.0;
        double rerunSeconds = (rerun.endedAt() - rerun.startedAt()) / 1000.0;
        System.out.printf("rerun of a run of %d model calls (%d ms simulated latency), run durations as recorded:%n",
                calls, latencyMs);
        System.out.printf("  rerun:              %7.3f s, %s, %d model calls reached the model%n", rerunSeconds,
                rerun.outcome(), model.calls() - callsBefore);
        System.out.printf("  baseline, original: %7.3f s, %s, %d model calls%n", originalSeconds, original.outcome(),
                original.usage().modelCalls());
        System.out.printf("  speed-up: %.1fx%n", originalSeconds / rerunSeconds);
    }

    private static Company.Status run(CompanyNode node, String runId, String requirement, ReplaySource replay) {
        node.start(runId, new RunConfig(requirement, "bench", List.of("Writer"), 10, 0, replay));
        Company.Status end = node.follow(runId);
        if (end.outcome() != Outcome.SUCCEEDED) {
            throw new IllegalStateException("bench run " + runId + " " + end.outcome() + ": " + end.reason());
        }
        return end;
    }

    /** The bench model, counting the calls that reach it. */
    private static final class CountingModel implements LlmClient {
        private final LlmClient model;
        private final AtomicLong calls = new AtomicLong();

        CountingModel(LlmClient model) {
            this.model = model;
        }

        @Override
        public CompletionStage<LlmReply> complete(LlmRequest request) {
            calls.incrementAndGet();
            return model.complete(request);
        }

        @Override
        public String describe() {
            return model.describe();
        }

        long calls() {
            return calls.get();
        }
    }
}
