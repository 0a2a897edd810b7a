package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.LlmSpec;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.gateway.BackendKind;
import dev.softwarefactory.llmgateway.gateway.BackendSettings;
import dev.softwarefactory.llmgateway.gateway.Gateway;
import dev.softwarefactory.llmgateway.gateway.GatewaySettings;
import dev.softwarefactory.llmgateway.gateway.OpenAiHttp;
import dev.softwarefactory.llmgateway.gateway.Target;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import dev.softwarefactory.runtime.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the gateway: throughput, latency percentiles and its own overhead beside direct calls"
                + " to the same servers in the same run, the 429s it caused and the busiest minute at the servers."
                + " With --sim N it starts its own sim-llm backends; else it uses conf/application.conf.")
final class LlmBenchCommand implements Callable<Integer> {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "2000", description = "Requests per phase (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--alias", paramLabel = "A", defaultValue = GatewaySettings.DEFAULT_ALIAS,
            description = "Alias whose backends are measured (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "500",
            description = "Unmeasured requests each way first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sim", paramLabel = "N", defaultValue = "0",
            description = "Start N sim-llm backends on free ports instead of using the configured ones.")
    int sims;

    @Option(names = "--sim-latency-ms", paramLabel = "MS", defaultValue = "100", description = "Sim latency (default: ${DEFAULT-VALUE}).")
    long simLatencyMs;

    @Option(names = "--sim-max-concurrency", paramLabel = "N", defaultValue = "0",
            description = "Sim requests in flight beyond this get 429; 0: no limit (default: ${DEFAULT-VALUE}).")
    int simMaxConcurrency;

    @Option(names = "--sim-fail-429", paramLabel = "P", defaultValue = "0", description = "Sim random 429 probability.")
    double simFail429;

    @Option(names = "--sim-fail-500", paramLabel = "P", defaultValue = "0", description = "Sim random 500 probability.")
    double simFail500;

    @Option(names = "--backend-max-concurrency", paramLabel = "N", defaultValue = "0",
            description = "The gateway's limit per sim backend (default: --sim-max-concurrency, or --concurrency).")
    int backendMaxConcurrency;

    @Option(names = "--backend-rpm", paramLabel = "N", defaultValue = "0",
            description = "The gateway's requests-per-minute limit per sim backend; 0: none (default: ${DEFAULT-VALUE}).")
    int backendRpm;

    @Override
    public Integer call() throws Exception {
        check();
        Config config = NodeSession.userOverrides().withFallback(NodeConfig.nodeDefaults());
        GatewaySettings configured = sims > 0 ? null : LlmSpec.gatewaySettings(config);
        if (configured != null && !configured.configured()) {
            throw new UsageError("nothing to measure: pass --sim N, or " + LlmSpec.HOW_TO_CONFIGURE);
        }
        System.out.println("llm bench: starting a one-node cluster"
                + (sims > 0 ? " and " + sims + " simulated backends" : "") + " ...");
        System.out.flush();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "llm-bench", config);
        try {
            NodeSession.joinSelf(system);
            List<SimLlmServer> servers = startSims(system);
            return measure(system, configured != null ? configured : simSettings(servers, config), servers);
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }

    /** Returns the exit code: 1 when every request of a phase failed (nothing was measured). */
    private int measure(ActorSystem<Void> system, GatewaySettings settings, List<SimLlmServer> servers)
            throws InterruptedException {
        List<Target> targets = targets(settings);
        OpenAiHttp http = new OpenAiHttp(settings.retry().connectTimeout(), settings.retry().requestTimeout());
        Gateway gateway = Gateway.start(system, settings);
        List<ChatMessage> prompt = List.of(ChatMessage.user("Write a calculator in Python, with tests."));
        // Direct calls pin each worker to one backend and keep no more in flight than the backends allow,
        // so the baseline is the servers driven perfectly, with no 429s of its own.
        int capacity = targets.stream().mapToInt(t -> settings.backends().get(t.backend()).maxConcurrency()).sum();
        int directConcurrency = Math.min(concurrency, capacity);
        LoadRun.Call direct = (i, worker) -> {
            Target t = targets.get(worker % targets.size());
            return http.chat(settings.backends().get(t.backend()), t.model(), prompt);
        };
        LoadRun.Call viaGateway = (i, worker) -> gateway.complete(
                new LlmRequest("bench-" + i, "Bench", "Bench", null, 1, alias, prompt));
        if (warmup > 0) {
            System.out.printf("warming up: %d requests direct, %d through the gateway ...%n", warmup, warmup);
            System.out.flush();
            if (allFailed(LoadRun.run(warmup, Math.min(directConcurrency, warmup), direct), "warm-up", gateway)) {
                return 1;
            }
            LoadRun.run(warmup, Math.min(concurrency, warmup), viaGateway);
        }
        System.out.printf("llm bench: %d requests, alias %s -> %s; concurrency %d through the gateway, %d direct%n",
                requests, alias, targets.stream().map(t -> t.backend() + "/" + t.model()).toList(), concurrency,
                directConcurrency);
        System.out.println("  direct calls ...");
        System.out.flush();
        LoadRun directRun = LoadRun.run(requests, directConcurrency, direct);
        if (allFailed(directRun, "direct", gateway)) {
            return 1;
        }
        List<Integer> countsBefore = servers.stream().map(s -> s.requests().count()).toList();
        List<Integer> overBefore = servers.stream().map(s -> s.requests().overConcurrency()).toList();
        long gatewayStart = System.nanoTime();
        gateway.admissionTimes().drain();
        System.out.println("  calls through the gateway ...");
        System.out.flush();
        LoadRun gatewayRun = LoadRun.run(requests, concurrency, viaGateway);
        long[] admission = gateway.admissionTimes().drain();

        System.out.printf("  %-16s %12s %10s %10s %10s %10s %8s%n", "", "throughput", "p50", "p90", "p99", "max", "failed");
        row("direct client", directRun);
        row("through gateway", gatewayRun);
        double p50 = gatewayRun.percentileMillis(50) - directRun.percentileMillis(50);
        double p99 = gatewayRun.percentileMillis(99) - directRun.percentileMillis(99);
        System.out.printf("  gateway overhead: p50 %+.3f ms, p99 %+.3f ms (ratio gateway/direct: p50 %.3f, p99 %.3f,"
                + " throughput %.3f)%n", p50, p99, gatewayRun.percentileMillis(50) / directRun.percentileMillis(50),
                gatewayRun.percentileMillis(99) / directRun.percentileMillis(99),
                gatewayRun.throughputPerSecond() / directRun.throughputPerSecond());
        admission(admission);
        if (concurrency > directConcurrency) {
            System.out.println("  (the gateway queues what exceeds the backends' limits, so its latency includes that wait)");
        }
        failures("direct client", directRun);
        failures("through gateway", gatewayRun);
        if (gatewayRun.failed() == requests) {
            System.out.println("every request through the gateway failed (see the failures above): nothing was"
                    + " measured");
            gateway.close();
            return 1;
        }
        if (!servers.isEmpty()) {
            serverFigures(servers, countsBefore, overBefore, gatewayStart, gatewayRun);
        }
        if (concurrency <= capacity) {
            interleaved(direct, viaGateway);
        }
        gateway.close();
        return 0;
    }

    /**
     * The gateway's own time, measured inside it: unlike the differences above it does not depend on
     * how busy the server and the machine are while the calls are under way.
     */
    private static void admission(long[] nanos) {
        if (nanos.length == 0) {
            return;
        }
        System.out.printf("  gateway's own time per request (routing + permit, before the HTTP call; %d first"
                + " attempts): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", nanos.length,
                nanos[(int) Math.min(nanos.length - 1, Math.round(nanos.length * 0.50))] / 1e6,
                nanos[(int) Math.min(nanos.length - 1, Math.round(nanos.length * 0.99))] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    /**
     * Overhead with both kinds of call at the same moment: each worker alternates a direct call and a
     * gateway call, so machine load and JIT state weigh on both alike (the phases above run one after
     * the other).
     */
    private void interleaved(LoadRun.Call direct, LoadRun.Call viaGateway) throws InterruptedException {
        LoadRun mixed = LoadRun.run(requests, concurrency,
                (i, worker) -> i % 2 == 0 ? direct.send(i, worker) : viaGateway.send(i, worker));
        double directP50 = mixed.percentileMillis(50, i -> i % 2 == 0);
        double directP99 = mixed.percentileMillis(99, i -> i % 2 == 0);
        double gatewayP50 = mixed.percentileMillis(50, i -> i % 2 == 1);
        double gatewayP99 = mixed.percentileMillis(99, i -> i % 2 == 1);
        System.out.printf("  interleaved (%d calls, alternating): direct p50 %.3f ms p99 %.3f ms, gateway p50 %.3f ms"
                + " p99 %.3f ms; overhead p50 %+.3f ms, p99 %+.3f ms%n", requests, directP50, directP99, gatewayP50,
                gatewayP99, gatewayP50 - directP50, gatewayP99 - directP99);
    }

    private List<Target> targets(GatewaySettings settings) {
        if (!settings.aliases().containsKey(alias)) {
            throw new UsageError("no alias '" + alias + "' in " + GatewaySettings.PATH + ".aliases; there are: "
                    + String.join(", ", new TreeSet<>(settings.aliases().keySet())));
        }
        return settings.aliases().get(alias);
    }

    private void serverFigures(List<SimLlmServer> servers, List<Integer> countsBefore, List<Integer> overBefore,
            long gatewayStart, LoadRun gatewayRun) {
        int arrived = 0;
        int over = 0;
        int busiestMinute = 0;
        double rateUsed = Double.MAX_VALUE;
        for (int i = 0; i < servers.size(); i++) {
            arrived += servers.get(i).requests().count() - countsBefore.get(i);
            over += servers.get(i).requests().overConcurrency() - overBefore.get(i);
            List<Long> times = servers.get(i).requests().arrivalNanos().stream().filter(t -> t >= gatewayStart).toList();
            busiestMinute = Math.max(busiestMinute, busiestWindow(times));
            if (times.size() > 1) {
                double perMinute = (times.size() - 1) * (double) MINUTE_NANOS / (times.get(times.size() - 1) - times.get(0));
                rateUsed = Math.min(rateUsed, perMinute);
            }
        }
        System.out.printf("  at the servers (gateway phase): %d requests for %d asked (%d retries), %d 429s for"
                + " exceeding max-concurrency (caused by the gateway), busiest 60 s window on one backend: %d%n",
                arrived, requests, arrived - requests, over, busiestMinute);
        if (simMaxConcurrency > 0 && simLatencyMs > 0) {
            double capacity = servers.size() * simMaxConcurrency * 1000.0 / simLatencyMs;
            System.out.printf("  capacity %d x %d / %d ms = %.0f req/s; gateway throughput %.1f req/s = %.1f%%%n",
                    servers.size(), simMaxConcurrency, simLatencyMs, capacity, gatewayRun.throughputPerSecond(),
                    100 * gatewayRun.throughputPerSecond() / capacity);
        }
        if (backendRpm > 0 && rateUsed != Double.MAX_VALUE) {
            System.out.printf("  rpm limit %d per backend: busiest 60 s window %d (%s); slowest backend's rate %.1f/min"
                    + " = %.1f%% of the limit%n", backendRpm, busiestMinute,
                    busiestMinute <= backendRpm ? "within the limit" : "OVER THE LIMIT", rateUsed, 100 * rateUsed / backendRpm);
        }
    }

    private static int busiestWindow(List<Long> sortedTimes) {
        int best = 0;
        int first = 0;
        for (int last = 0; last < sortedTimes.size(); last++) {
            while (sortedTimes.get(last) - sortedTimes.get(first) >= MINUTE_NANOS) {
                first++;
            }
            best = Math.max(best, last - first + 1);
        }
        return best;
    }

    private static void row(String name, LoadRun run) {
        System.out.printf("  %-16s %10.1f/s %7.3f ms %7.3f ms %7.3f ms %7.3f ms %8d%n", name, run.throughputPerSecond(),
                run.percentileMillis(50), run.percentileMillis(90), run.percentileMillis(99), run.percentileMillis(100),
                run.failed());
    }

    /**
     * Backends that answer no direct call are down: the gateway's retries and cooldowns would only
     * make the bench take minutes to say the same.
     */
    private static boolean allFailed(LoadRun run, String phase, Gateway gateway) {
        if (run.failed() < run.requests()) {
            return false;
        }
        failures(phase, run);
        System.out.println("every " + phase + " call to the backends failed: they are down or refuse the requests;"
                + " nothing to measure");
        gateway.close();
        return true;
    }

    private static void failures(String name, LoadRun run) {
        run.failures().forEach((reason, count) -> System.out.printf("  %s failure x%d: %s%n", name, count, reason));
    }

    private List<SimLlmServer> startSims(ActorSystem<Void> system) {
        List<SimLlmServer> servers = new ArrayList<>();
        for (int i = 0; i < sims; i++) {
            SimSettings settings = SimSettings.defaults(0).withLatencyMs(simLatencyMs)
                    .withMaxConcurrency(simMaxConcurrency).withFail429(simFail429).withFail500(simFail500)
                    .withSeed(i + 1);
            servers.add(SimLlmServer.start(system, settings).toCompletableFuture().join());
        }
        return servers;
    }

    private GatewaySettings simSettings(List<SimLlmServer> servers, Config config) {
        int limit = backendMaxConcurrency > 0 ? backendMaxConcurrency
                : simMaxConcurrency > 0 ? simMaxConcurrency : concurrency;
        List<BackendSettings> backends = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            backends.add(new BackendSettings("sim-" + (i + 1), BackendKind.OPENAI, servers.get(i).baseUrl(),
                    Optional.empty(), List.of("sim"), limit, backendRpm, 0, 0, 0));
        }
        try {
            return GatewaySettings.of(backends).withRetry(GatewaySettings.retryOf(config));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private void check() {
        if (requests < 1 || concurrency < 1 || warmup < 0 || sims < 0 || simLatencyMs < 0 || simMaxConcurrency < 0
                || backendMaxConcurrency < 0 || backendRpm < 0) {
            throw new UsageError("--requests and --concurrency must be at least 1, the other numbers not negative");
        }
        if (!(simFail429 >= 0 && simFail429 <= 1 && simFail500 >= 0 && simFail500 <= 1)) {
            throw new UsageError("--sim-fail-429 and --sim-fail-500 must be probabilities between 0 and 1");
        }
    }
}
