package dev.softwarefactory.cli.bench;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.node.RunRecovery;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.CommandRunner;
import dev.softwarefactory.runtime.FactoryNode;
import dev.softwarefactory.runtime.NodeConfig;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RoleServices;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.Unsandboxed;
import dev.softwarefactory.runtime.journal.JournalSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Measure a cluster on a PostgreSQL journal, with nodes in this JVM: the time from a role's"
                + " publish to a watching role's action on another node (beside both roles on one node), and"
                + " the time from a node's death to its run making progress again on another node.")
public final class ClusterBench implements java.util.concurrent.Callable<Integer> {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Option(names = "--journal", required = true, paramLabel = "URL",
            description = "A scratch PostgreSQL journal (jdbc:postgresql://HOST:5432/DB; PGUSER, PGPASSWORD), with its"
                    + " schema (db init); the bench's runs stay in it, one unfinished.")
    String journal;

    @Option(names = "--exchanges", defaultValue = "300", description = "Role-to-role messages (default: ${DEFAULT-VALUE}).")
    int exchanges;

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "bench-action");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Map<String, String> hosts = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (exchanges < 2) {
            throw new UserError("--exchanges must be at least 2");
        }
        Config journalSetting = ConfigFactory.parseMap(Map.of("software-factory.journal", journal));
        JournalSchema.require(NodeConfig.postgresJournal(journalSetting)
                .orElseThrow(() -> new UserError("--journal must be a jdbc:postgresql:// URL")));
        Path root = Files.createTempDirectory("sf-bench-cluster");
        try {
            List<Long> oneNode = pingPongOnOneNode(root, journalSetting);
            List<ActorSystem<Void>> nodes = new ArrayList<>();
            try {
                Map<String, FactoryNode> factories = formCluster(root, journalSetting, nodes);
                List<Long> twoNodes = pingPong(factories.get("A"), "across-" + UUID.randomUUID(), exchanges);
                System.out.printf("publish -> watching role's action on the PostgreSQL journal (%d messages):%n",
                        twoNodes.size());
                System.out.printf("  roles on two nodes:        median %7.3f ms, p99 %7.3f ms%n", BenchCommand.ms(twoNodes, 50),
                        BenchCommand.ms(twoNodes, 99));
                System.out.printf("  baseline, both on one node: median %7.3f ms, p99 %7.3f ms%n", BenchCommand.ms(oneNode, 50),
                        BenchCommand.ms(oneNode, 99));
                System.out.printf("  ratio median: %.1f, p99: %.1f%n", BenchCommand.ms(twoNodes, 50) / BenchCommand.ms(oneNode, 50),
                        BenchCommand.ms(twoNodes, 99) / BenchCommand.ms(oneNode, 99));
                failover(factories.get("A"), nodes);
            } finally {
                nodes.forEach(ActorSystem::terminate);
                for (ActorSystem<Void> node : nodes) {
                    node.getWhenTerminated().toCompletableFuture().get();
                }
            }
        } finally {
            threads.shutdownNow();
            BenchCommand.deleteTree(root);
        }
        return 0;
    }

    private List<Long> pingPongOnOneNode(Path root, Config journalSetting) throws Exception {
        ActorSystem<Void> solo = node("bench-solo", root.resolve("solo"), journalSetting, List.of());
        try {
            joinAndWait(solo, solo, 1);
            FactoryNode factory = FactoryNode.start(solo, new PingPong(exchanges, latencies, "solo", hosts),
                    services(root.resolve("solo")));
            return pingPong(factory, "one-node-" + UUID.randomUUID(), exchanges);
        } finally {
            solo.terminate();
            solo.getWhenTerminated().toCompletableFuture().get();
        }
    }

    /** A: worker, ping; B and C: worker, pong. Ping runs on A, Pong on B or C. */
    private Map<String, FactoryNode> formCluster(Path root, Config journalSetting, List<ActorSystem<Void>> nodes) {
        Map<String, FactoryNode> factories = new java.util.LinkedHashMap<>();
        Map<String, List<String>> roles = Map.of("A", List.of("worker", "ping"), "B", List.of("worker", "pong"),
                "C", List.of("worker", "pong"));
        for (String name : List.of("A", "B", "C")) {
            ActorSystem<Void> node = node("bench-cluster", root.resolve(name), journalSetting, roles.get(name));
            nodes.add(node);
            joinAndWait(node, nodes.get(0), nodes.size());
            FactoryNode factory = FactoryNode.start(node, new PingPong(Integer.MAX_VALUE - 1, latencies, name, hosts),
                    services(root.resolve(name)));
            RunRecovery.start(node, factory);
            factories.put(name, factory);
        }
        return factories;
    }

    private void failover(FactoryNode entry, List<ActorSystem<Void>> nodes) throws InterruptedException {
        String runId = "failover-" + UUID.randomUUID();
        latencies.clear();
        start(entry, runId, Integer.MAX_VALUE - 1);
        awaitLatencies(50);
        String victim = hosts.get("Pong");
        ActorSystem<Void> dying = nodes.get(victim.equals("B") ? 1 : 2);
        long killed = System.nanoTime();
        // Not a graceful leave: its peers learn of it only from missed heartbeats, as after a SIGKILL.
        dying.terminate();
        long deadline = killed + WAIT.toNanos();
        int before = latencies.size();
        while (hosts.get("Pong").equals(victim) || latencies.size() <= before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run made no progress within " + WAIT + " after node " + victim
                        + " died");
            }
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - killed) / 1e9;
        Duration stableAfter = nodes.get(0).settings().config()
                .getDuration("akka.cluster.split-brain-resolver.stable-after");
        System.out.printf("node death -> its run progresses again on another node: %.1f s%n", seconds);
        System.out.printf("  of which the Split Brain Resolver's stable-after waits %.1f s before downing it"
                + " (akka.cluster.split-brain-resolver.stable-after)%n", stableAfter.toMillis() / 1e3);
    }

    private List<Long> pingPong(FactoryNode factory, String runId, int count) throws InterruptedException {
        latencies.clear();
        start(factory, runId, count + 1);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Company.Status status = factory.company(runId).<Company.Status>ask(Company.GetStatus::new,
                    Duration.ofSeconds(30)).toCompletableFuture().join();
            if (status.outcome() != Outcome.RUNNING) {
                return new ArrayList<>(latencies);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ping-pong run did not end within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    private void start(FactoryNode factory, String runId, int maxRounds) {
        factory.company(runId).<akka.Done>ask(reply -> new Company.Start(new RunConfig("ping", "none",
                List.of("Ping", "Pong"), maxRounds, 0), reply), Duration.ofSeconds(30)).toCompletableFuture().join();
    }

    private void awaitLatencies(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (latencies.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ping-pong run did not start");
            }
            Thread.sleep(10);
        }
    }

    private RoleServices services(Path dir) {
        return new RoleServices(new ScriptedModel(List.of(), "none"), dir.resolve("workspace"),
                new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    private static ActorSystem<Void> node(String name, Path dir, Config journalSetting, List<String> roles) {
        Config overrides = journalSetting
                .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(roles))
                .withValue("software-factory.role-placement",
                        ConfigValueFactory.fromMap(Map.of("Ping", "ping", "Pong", "pong")))
                .withValue("software-factory.journal-pool-size", ConfigValueFactory.fromAnyRef(4))
                .withValue("akka.coordinated-shutdown.run-by-actor-system-terminate",
                        ConfigValueFactory.fromAnyRef(false))
                .withValue("akka.loglevel", ConfigValueFactory.fromAnyRef("WARNING"));
        return ActorSystem.create(Behaviors.empty(), name, NodeConfig.forDataDir(dir, overrides));
    }

    private static void joinAndWait(ActorSystem<?> node, ActorSystem<?> seed, int members) {
        Cluster.get(node).manager().tell(Join.create(Cluster.get(seed).selfMember().address()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Cluster.get(seed).state().members().size() < members
                || Cluster.get(node).selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench's nodes did not form a cluster");
            }
            Thread.onSpinWait();
        }
    }
}
