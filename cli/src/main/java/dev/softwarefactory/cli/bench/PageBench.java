package dev.softwarefactory.cli.bench;

import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.RunService;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.server.ApiServer;
import dev.softwarefactory.server.ServerRoutes;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "page", mixinStandardHelpOptions = true,
        description = "Measure opening a long run in the web page: the API requests the page makes to open a run"
                + " (its detail, its last page of steps, its messages and commands, its files), for a run of"
                + " --steps steps beside a run of 100, the first time (after the node has served another run) and again.")
public final class PageBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--steps", defaultValue = "10000",
            description = "Steps of the long run (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--runs", defaultValue = "1000",
            description = "Runs in the data dir when the runs page is measured (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Openings measured after the first; the median is printed (default: ${DEFAULT-VALUE}).")
    int repeats;

    private static final int SHORT_STEPS = 100;
    private static final Pattern STEPS = Pattern.compile("\"steps\"\\s*:\\s*(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @Override
    public Integer call() throws Exception {
        if (steps < SHORT_STEPS || repeats < 1 || runs < 3) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need --steps >= " + SHORT_STEPS + ", --runs >= 3 and --repeats >= 1");
        }
        Path dataDir = Files.createTempDirectory("sf-bench-page");
        try {
            System.out.printf("recording a run of %d steps, one of %d, and %d of %d ...%n", steps, SHORT_STEPS,
                    runs - 3, SHORT_RUN_STEPS);
            System.out.flush();
            record(dataDir);
            try (NodeSession session = NodeSession.open(dataDir, true)) {
                PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                try (RunService service = RunService.start(session, Optional.of("demo"), Optional.empty(), metrics)) {
                    String url = ApiServer.url(ApiServer.bind(session.system(),
                            new ServerRoutes(service, metrics, Optional.empty()).routes(), "127.0.0.1", 0));
                    openOnce(url, "warm-up");
                    Opening shortRun = open(url, "short");
                    Opening longRun = open(url, "long");
                    long readStart = System.nanoTime();
                    int events = RunJournal.of(session.system()).eventCount("long");
                    double readSeconds = (System.nanoTime() - readStart) / 1e9;
                    System.out.printf("opening a run in the web page (detail, last %d steps, messages, commands,"
                            + " files; the page's requests over HTTP):%n", 200);
                    print("run of " + longRun.steps + " steps", longRun);
                    print("baseline, run of " + shortRun.steps + " steps", shortRun);
                    System.out.printf("  ratio long / short: first %.1f, again %.1f%n", longRun.first / shortRun.first,
                            longRun.again / shortRun.again);
                    System.out.printf("  baseline, reading the long run's %d events once from the journal: %.3f s%n",
                            events, readSeconds);
                    listing(url);
                }
            }
        } finally {
            BenchCommand.deleteTree(dataDir);
        }
        return 0;
    }

    private record Opening(long steps, double first, double again) {
    }

    private static void print(String what, Opening opening) {
        System.out.printf("  %-28s first %7.3f s, again (median) %7.3f s%n", what, opening.first, opening.again);
    }

    private void record(Path dataDir) {
        ScriptedModel model = new ScriptedModel(List.of(new ScriptEntry("WriteFast", null, "x".repeat(200), 0)),
                "bench");
        try (NodeSession session = NodeSession.open(dataDir, true)) {
            CompanyNode node = new CompanyNode(session, model, new Writers());
            try {
                run(node, "long", Writers.writesFor(steps));
                run(node, "short", Writers.writesFor(SHORT_STEPS));
                run(node, "warm-up", Writers.writesFor(SHORT_STEPS));
                manyShortRuns(node);
            } finally {
                node.close();
            }
        }
    }

    private static final int SHORT_RUN_STEPS = Writers.RUN_EVENTS + Writers.EVENTS_PER_WRITE;
    private static final int AT_ONCE = 50;

    private void manyShortRuns(CompanyNode node) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= runs - 3; i++) {
            String runId = String.format("many-%05d", i);
            node.start(runId, new RunConfig("1 WriteFast", "bench", List.of("Writer"), 10, 0, null));
            ids.add(runId);
            if (ids.size() == AT_ONCE || i == runs - 3) {
                ids.forEach(node::follow);
                ids.clear();
            }
        }
    }

    /** The runs page: its first page of 25, the first time after the node starts and again. */
    private void listing(String url) throws Exception {
        String first = url + "/api/runs?offset=0&limit=25";
        long start = System.nanoTime();
        get(first).join();
        double cold = (System.nanoTime() - start) / 1e9;
        List<Double> again = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            get(first).join();
            again.add((System.nanoTime() - t) / 1e9);
        }
        again.sort(Double::compare);
        System.out.printf("the runs page (its first 25 of %d runs): first %.3f s, again (median) %.3f s%n", runs,
                cold, again.get(again.size() / 2));
    }

    private static void run(CompanyNode node, String runId, int writes) {
        node.start(runId, new RunConfig(writes + " WriteFast", "bench", List.of("Writer"), 10, 0, null));
        Company.Status end = node.follow(runId);
        if (end.outcome() != Outcome.SUCCEEDED) {
            throw new IllegalStateException("bench run " + runId + " " + end.outcome() + ": " + end.reason());
        }
    }

    private Opening open(String url, String runId) throws Exception {
        long start = System.nanoTime();
        long count = openOnce(url, runId);
        double first = (System.nanoTime() - start) / 1e9;
        List<Double> again = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            openOnce(url, runId);
            again.add((System.nanoTime() - t) / 1e9);
        }
        again.sort(Double::compare);
        return new Opening(count, first, again.get(again.size() / 2));
    }

    /** What the page asks for when it opens a run: the detail, then the rest at once. */
    private long openOnce(String url, String runId) throws Exception {
        String base = url + "/api/runs/" + runId;
        Matcher total = STEPS.matcher(get(base).join());
        if (!total.find()) {
            throw new IllegalStateException("the run's detail has no step count");
        }
        long count = Long.parseLong(total.group(1));
        CompletableFuture.allOf(get(base + "/timeline?after=" + Math.max(0, count - 200) + "&limit=200"),
                get(base + "/timeline?type=MessagePublished&limit=2000"), get(base + "/timeline?type=exec&limit=2000"),
                get(base + "/files")).join();
        return count;
    }

    private CompletableFuture<String> get(String address) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(address + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    return response.body();
                });
    }
}
