package dev.softwarefactory.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.roles.DemoScenario;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Measure a serving node under many runs: it starts `serve` in a process of its own and submits"
                + " the demo scenario through the API with a scripted model that takes --latency-ms per call, then"
                + " prints the wall time of --runs runs beside one run's, heap per run in flight, the node's CPU while"
                + " runs wait on a slow model, the run feed's latency beside the journal's, and the OpenAI-compatible"
                + " endpoint beside sim-llm direct and @portkey-ai/gateway (skipped without npx).")
public final class RunsBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--runs", defaultValue = "200", description = "Runs to submit (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--concurrency", defaultValue = "0",
            description = "Runs in flight at once; 0 means all of them (default).")
    int concurrency;

    @Option(names = "--latency-ms", defaultValue = "300",
            description = "Each model call's time, scripted and at sim-llm (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--idle-seconds", defaultValue = "10",
            description = "How long CPU is measured while runs wait on a model (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--endpoint-requests", defaultValue = "3000",
            description = "Chat completions per target in the endpoint comparison (default: ${DEFAULT-VALUE}).")
    int endpointRequests;

    @Option(names = "--endpoint-clients", defaultValue = "64",
            description = "Concurrent clients in the endpoint comparison, and so the node's max-concurrency per"
                    + " backend, which the runs' scripted model also obeys (default: ${DEFAULT-VALUE}).")
    int endpointClients;

    @Option(names = "--node-jvm-option", paramLabel = "OPTION",
            description = "A JVM option for the serving node, e.g. -Dakka.persistence.journal.leveldb.fsync=off;"
                    + " repeat it for more.")
    List<String> nodeJvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || concurrency < 0 || latencyMs < 0 || idleSeconds < 1 || endpointRequests < 1
                || endpointClients < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need --runs >= 1, --concurrency >= 0, --latency-ms >= 0, --idle-seconds >= 1 and positive"
                            + " endpoint figures");
        }
        int inFlight = concurrency == 0 ? runs : Math.min(concurrency, runs);
        Path work = Files.createTempDirectory("sf-bench-runs");
        PrintStream out = System.out;
        try (NodeSession bench = NodeSession.open(work.resolve("bench"), false)) {
            SimLlmServer sim = SimLlmServer.start(bench.system(), SimSettings.defaults(0).withLatencyMs(latencyMs))
                    .toCompletableFuture().join();
            String scripted = "scripted:" + script(work.resolve("demo.json"), latencyMs);
            // An hour per call: runs that wait on it for the whole measurement.
            String slow = "scripted:" + script(work.resolve("slow.json"), 3_600_000);
            out.printf("node: serve in its own JVM; model: the demo script with %d ms per call; work dir %s%n",
                    latencyMs, work);
            try (ServeProcess node = ServeProcess.start(work.resolve("node"), nodeJvm(),
                    List.of("--llm-base-url", sim.baseUrl(), "--llm-model", "sim"), work.resolve("node.log"))) {
                TreeCpu tree = TreeCpu.of(node.pid());
                try {
                    RunsApi api = new RunsApi(node.url());
                    RunCpu one = RunCpu.measure(node, tree, () -> RunLoad.run(api, scripted, 1, 1));
                    RunCpu many = RunCpu.measure(node, tree, () -> RunLoad.run(api, scripted, runs, inFlight));
                    printRuns(out, one.result(), many.result(), inFlight);
                    printCpu(out, one, many, tree.description());
                    runFeed(out, bench, many.result());
                    idle(out, node, api, slow, inFlight);
                    new EndpointComparison(endpointRequests, endpointClients).run(sim.baseUrl(), node.url(), work, out);
                } finally {
                    // The group is empty, and can go, only once the node has stopped.
                    node.close();
                    tree.close();
                }
            } finally {
                sim.stop().toCompletableFuture().join();
            }
        } finally {
            BenchCommand.deleteTree(work);
        }
        return 0;
    }

    private static void runFeed(PrintStream out, NodeSession bench, RunLoad.Result many) throws Exception {
        List<Double> journal = JournalLatency.millis(bench, 300);
        out.printf("run feed (SSE), persist -> client, %d events: p50 %.0f ms, p99 %.0f ms%n",
                many.sseMillis().size(), Percentiles.of(many.sseMillis(), 50), Percentiles.of(many.sseMillis(), 99));
        out.printf("  baseline, the journal's own write (LevelDB, fsync, one event at a time): p50 %.1f ms,"
                + " p99 %.1f ms%n", Percentiles.of(journal, 50), Percentiles.of(journal, 99));
    }

    /**
     * Where the runs' CPU went and the least wall time it allows on this machine: runs that compete
     * for the cores cannot end sooner than their CPU time over the cores, however well they wait.
     */
    private static void printCpu(PrintStream out, RunCpu one, RunCpu many, String counted) {
        int cores = Runtime.getRuntime().availableProcessors();
        int count = many.result().byStatus().values().stream().mapToInt(Integer::intValue).sum();
        out.printf("  CPU, counted as %s:%n", counted);
        out.printf("    one run: %.2f s (the node %.2f s, its commands and the rest %.2f s)%n", one.tree(),
                one.node(), one.tree() - one.node());
        out.printf("    the %d: %.1f s, %.2f s a run (the node %.2f s, its commands and the rest %.2f s)%n", count,
                many.tree(), many.tree() / count, many.node() / count, (many.tree() - many.node()) / count);
        double floor = many.tree() / cores;
        out.printf("    on %d cores the %d cannot end in less than %.1f s, %.1fx one run's wall time; they took %.2fx"
                + " that floor%n", cores, count, floor, floor / one.result().seconds(), many.result().seconds() / floor);
    }

    private List<String> nodeJvm() {
        // The user's options last: of two -D of one property the last holds.
        List<String> options = new ArrayList<>(List.of(
                "-Dsoftware-factory.llm.backend-defaults.max-concurrency=" + endpointClients));
        options.addAll(nodeJvmOptions);
        return options;
    }

    private static void printRuns(PrintStream out, RunLoad.Result one, RunLoad.Result many, int inFlight) {
        double single = one.seconds();
        out.printf("one run alone: %.1f s (%s)%n", single, one.byStatus());
        out.printf("%d runs, %d at once: %.1f s wall (%s), %.1fx one run's; per run p50 %.1f s, p99 %.1f s%n",
                many.byStatus().values().stream().mapToInt(Integer::intValue).sum(), inFlight, many.seconds(), many.byStatus(),
                many.seconds() / single, Percentiles.of(many.runSeconds(), 50), Percentiles.of(many.runSeconds(), 99));
        many.failures().stream().limit(3).forEach(f -> out.println("  failed: " + f));
    }

    /** Heap and CPU of the node with no run, then with {@code count} runs waiting on an hour-long model call. */
    private void idle(PrintStream out, ServeProcess node, RunsApi api, String slow, int count) throws Exception {
        while (api.count("RUNNING") > 0) {
            Thread.sleep(500);
        }
        long heapBefore = node.heapAfterGc();
        double cpuIdle = cpuPercent(node);
        List<String> ids = submitAll(api, slow, count);
        while (api.count("RUNNING") < count) {
            Thread.sleep(500);
        }
        // Every run's ProductManager is in its first model call once the roles have started.
        Thread.sleep(5_000);
        long heapDuring = node.heapAfterGc();
        double cpuWaiting = cpuPercent(node);
        out.printf("heap per run in flight: %.0f KiB (%d runs waiting: heap after GC %.1f MiB, before %.1f MiB)%n",
                (heapDuring - heapBefore) / 1024.0 / count, count, heapDuring / 1048576.0, heapBefore / 1048576.0);
        out.printf("node CPU while %d runs wait on the model: %.1f%% of one core over %d s"
                + " (baseline, no run: %.1f%%)%n", count, cpuWaiting, idleSeconds, cpuIdle);
        for (String id : ids) {
            api.cancel(id);
        }
    }

    private double cpuPercent(ServeProcess node) throws Exception {
        double before = node.cpuSeconds();
        Thread.sleep(idleSeconds * 1000L);
        return (node.cpuSeconds() - before) / idleSeconds * 100;
    }

    private static List<String> submitAll(RunsApi api, String llm, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                started.add(clients.submit(() -> api.start(DemoScenario.REQUIREMENT, llm)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : started) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /** The demo scenario as a script file whose every answer takes {@code delayMs}. */
    private static Path script(Path file, long delayMs) throws java.io.IOException {
        ArrayNode entries = JSON.createArrayNode();
        for (ScriptEntry entry : DemoScenario.entries()) {
            var node = entries.addObject().put("action", entry.action());
            if (entry.target() != null) {
                node.put("target", entry.target());
            }
            node.put("reply", entry.reply()).put("delayMs", delayMs);
        }
        Files.writeString(file, entries.toPrettyString());
        return file;
    }
}
