package dev.softwarefactory.cli.bench;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.softwarefactory.llmgateway.sim.RequestLog;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.roles.DemoScenario;
import dev.softwarefactory.runtime.NodeConfig;
import dev.softwarefactory.runtime.journal.JournalSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kills", mixinStandardHelpOptions = true,
        description = "Count the model calls paid twice when nodes are SIGKILLed at random while runs wait on"
                + " the model: the demo's runs on three nodes on a PostgreSQL journal (a random node killed and"
                + " restarted each time), beside the same on one node on LevelDB, each against a sim-llm of its"
                + " own. A call is paid twice when the sim gets it again under the same effect key.")
public final class KillBench implements Callable<Integer> {
    private static final long READY_MILLIS = 180_000;
    /** The longest wait for the next run to end before the ones left count as stuck. */
    private static final long STALL_MILLIS = 150_000;

    @Option(names = "--journal", required = true, paramLabel = "URL",
            description = "A scratch PostgreSQL journal (jdbc:postgresql://HOST:5432/DB; PGUSER, PGPASSWORD) with its"
                    + " schema (db init); the bench's runs stay in it.")
    String journal;

    @Option(names = "--runs", defaultValue = "10", description = "Runs at once (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--kills", defaultValue = "3", description = "SIGKILLs per setup (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--latency-ms", defaultValue = "1500",
            description = "The model's time per call (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the kill times and nodes (default: ${DEFAULT-VALUE}).")
    long seed;

    /** What one setup cost at the model. */
    private record Tally(int calls, int effects, Map<String, Integer> outcomes) {
        int repeated() {
            return calls - effects;
        }

        String line() {
            return String.format("%d model calls for %d effects, %d paid twice (%.1f%%); runs %s", calls, effects,
                    repeated(), 100.0 * repeated() / Math.max(1, calls), outcomes);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || kills < 1 || latencyMs < 0) {
            throw new UserError("--runs and --kills must be at least 1, --latency-ms not negative");
        }
        JournalSchema.require(NodeConfig.postgresJournal(ConfigFactory.empty()
                .withValue("software-factory.journal", ConfigValueFactory.fromAnyRef(journal)))
                .orElseThrow(() -> new UserError("--journal must be a jdbc:postgresql:// URL")));
        Path root = Files.createTempDirectory("sf-bench-kills");
        System.out.printf("random kills: %d runs of the demo, %d SIGKILLs per setup, model %d ms per call%n", runs,
                kills, latencyMs);
        System.out.println("one node on LevelDB ...");
        Tally single = setup(root.resolve("single"), 1, List.of());
        System.out.println("three nodes on PostgreSQL ...");
        Tally cluster = setup(root.resolve("cluster"), 3, List.of("--journal", journal));
        System.out.println("  three nodes on PostgreSQL:     " + cluster.line());
        System.out.println("  baseline, one node on LevelDB: " + single.line());
        System.out.println("(data dirs and node logs in " + root + ")");
        return 0;
    }

    private Tally setup(Path dir, int nodeCount, List<String> journalArgs) throws Exception {
        Files.createDirectories(dir);
        ActorSystem<Void> simSystem = ActorSystem.create(Behaviors.empty(), "sim-llm",
                ConfigFactory.parseString("akka.actor.provider = local").withFallback(ConfigFactory.load()));
        List<ServeProcess> nodes = new ArrayList<>();
        try {
            SimLlmServer sim = SimLlmServer.start(simSystem, SimSettings.defaults(0).withLatencyMs(latencyMs)
                    .withScript(DemoScenario.entries())).toCompletableFuture().join();
            Path config = Files.writeString(dir.resolve("node.conf"), "software-factory.llm.backends.sim {"
                    + " kind = openai, base-url = \"" + sim.baseUrl() + "\", models = [sim] }\n");
            List<List<String>> args = nodeArgs(config, nodeCount, journalArgs);
            for (int i = 0; i < nodeCount; i++) {
                nodes.add(start(dir, i, args.get(i), 0));
            }
            for (ServeProcess node : nodes) {
                awaitReady(node);
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ids.add(new RunsApi(nodes.get(i % nodeCount).url()).start(DemoScenario.REQUIREMENT, "gateway"));
            }
            Random random = new Random(seed);
            for (int k = 1; k <= kills; k++) {
                Thread.sleep(2_000 + random.nextInt(6_000));
                int victim = random.nextInt(nodeCount);
                nodes.get(victim).kill();
                nodes.set(victim, start(dir, victim, args.get(victim), k));
                awaitReady(nodes.get(victim));
            }
            for (ServeProcess node : nodes) {
                if (!node.alive()) {
                    throw new IOException("a node stopped by itself; see its log in " + dir);
                }
            }
            return tally(sim.requests(), awaitEnd(new RunsApi(nodes.get(0).url()), ids));
        } finally {
            for (ServeProcess node : nodes) {
                node.close();
            }
            simSystem.terminate();
        }
    }

    /** serve's arguments per node: the model, and in a cluster its ports and seeds (the first two nodes). */
    private static List<List<String>> nodeArgs(Path config, int nodeCount, List<String> journalArgs)
            throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            ports.add(freePort());
        }
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--llm", "gateway"));
            args.addAll(journalArgs);
            if (nodeCount > 1) {
                args.addAll(List.of("--cluster", "--node-port", Integer.toString(ports.get(i)), "--seed",
                        "127.0.0.1:" + ports.get(0), "--seed", "127.0.0.1:" + ports.get(1)));
            }
            all.add(args);
        }
        return all;
    }

    private static ServeProcess start(Path dir, int node, List<String> args, int incarnation) throws IOException {
        return ServeProcess.start(dir.resolve("node-" + node), List.of(), args,
                dir.resolve("node-" + node + "-" + incarnation + ".log"));
    }

    private static void awaitReady(ServeProcess node) throws Exception {
        long deadline = System.currentTimeMillis() + READY_MILLIS;
        RunsApi api = new RunsApi(node.url());
        while (!api.ready()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("node " + node.url() + " not ready within " + READY_MILLIS / 1000 + " s");
            }
            Thread.sleep(250);
        }
    }

    /**
     * Each run's status once none is RUNNING, or once no run ended for {@link #STALL_MILLIS}: then the
     * ones still RUNNING are reported as stuck rather than waited for.
     */
    private static Map<String, Integer> awaitEnd(RunsApi api, List<String> ids) throws Exception {
        long lastChange = System.currentTimeMillis();
        Map<String, Integer> before = Map.of();
        while (true) {
            Map<String, Integer> outcomes = new TreeMap<>();
            for (String id : ids) {
                outcomes.merge(api.status(id), 1, Integer::sum);
            }
            if (!outcomes.containsKey("RUNNING")) {
                return outcomes;
            }
            if (!outcomes.equals(before)) {
                before = outcomes;
                lastChange = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastChange > STALL_MILLIS) {
                outcomes.put("stuck", outcomes.remove("RUNNING"));
                return outcomes;
            }
            Thread.sleep(1_000);
        }
    }

    private static Tally tally(RequestLog log, Map<String, Integer> outcomes) {
        List<RequestLog.Received> received = log.received();
        int effects = (int) received.stream().map(RequestLog.Received::callKey).distinct().count();
        return new Tally(received.size(), effects, outcomes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
