package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptFile;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import dev.softwarefactory.runtime.journal.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node JVMs running `serve` on 127.0.0.1 as one cluster on a PostgreSQL database of their own (made
 * with `db init`), their model a {@code sim-llm} in this JVM that answers from the calculator script.
 * The first two nodes are the seeds. Closing it kills every node, stops the sim and drops the database.
 */
final class TestCluster implements AutoCloseable {
    /** Generous: three JVMs start at once on a loaded two-core machine. */
    static final Duration READY_WAIT = Duration.ofSeconds(150);
    private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path dir;
    private final TestDatabase database;
    private final ActorSystem<Void> simSystem;
    private final SimLlmServer sim;
    private final Path config;
    private final Path logback;
    private final List<Integer> seedPorts;
    private final List<ClusterNode> nodes = new ArrayList<>();

    private TestCluster(Path dir, TestDatabase database, ActorSystem<Void> simSystem, SimLlmServer sim, Path config,
            Path logback, List<Integer> seedPorts) {
        this.dir = dir;
        this.database = database;
        this.simSystem = simSystem;
        this.sim = sim;
        this.config = config;
        this.logback = logback;
        this.seedPorts = seedPorts;
    }

    /**
     * @param simSettings the sim's latency and limits (its script is set here)
     * @param settings    more node settings (HOCON), e.g. the sim backend's limits or a role placement
     */
    static TestCluster create(Path dir, SimSettings simSettings, String settings) {
        TestDatabase database = TestDatabase.create();
        ActorSystem<Void> simSystem = null;
        try {
            NodeProcess init = NodeProcess.run(dir, "db", "init", "--journal", database.url());
            assertEquals(0, init.exitCode(Duration.ofSeconds(5)), init.output());
            simSystem = ActorSystem.create(Behaviors.empty(), "sim-llm",
                    ConfigFactory.parseString("akka.actor.provider = local").withFallback(ConfigFactory.load()));
            SimLlmServer sim = SimLlmServer.start(simSystem, simSettings
                    .withScript(ScriptFile.read(Scenario.calculator(dir, 0)))).toCompletableFuture().join();
            Path config = Files.writeString(dir.resolve("cluster.conf"), nodeSettings(sim.baseUrl()) + settings);
            Path logback = Files.writeString(dir.resolve("logback.xml"), LOGBACK);
            return new TestCluster(dir, database, simSystem, sim, config, logback, List.of(freePort(), freePort()));
        } catch (IOException | RuntimeException e) {
            if (simSystem != null) {
                simSystem.terminate();
            }
            database.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** A cluster of three nodes without roles, a, b and c, each ready; closed again when one is not. */
    static TestCluster ofThree(Path dir, SimSettings simSettings, String settings) {
        TestCluster cluster = create(dir, simSettings, settings);
        try {
            cluster.awaitReady(cluster.start("a"), cluster.start("b"), cluster.start("c"));
            return cluster;
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts a node with these roles (none: it does everything); does not wait for it to join. */
    ClusterNode start(String name, String... roles) {
        int port = nodes.size() < seedPorts.size() ? seedPorts.get(nodes.size()) : freePort();
        List<String> args = new ArrayList<>(List.of("--config", config.toString(), "serve", "--data-dir",
                dir.resolve(name).toString(), "--port", "0", "--llm", "gateway", "--cluster", "--node-host",
                "127.0.0.1", "--node-port", Integer.toString(port), "--journal", database.url()));
        for (int seed : seedPorts) {
            args.addAll(List.of("--seed", "127.0.0.1:" + seed));
        }
        if (roles.length > 0) {
            args.addAll(List.of("--node-roles", String.join(",", roles)));
        }
        NodeProcess process = NodeProcess.start(dir, Map.of(),
                concat(JVM, List.of("-Dlogback.configurationFile=" + logback)), args.toArray(String[]::new));
        ClusterNode node = new ClusterNode(name, dir.resolve(name), port, process);
        nodes.add(node);
        return node;
    }

    /** Waits until every node answers ready; a node that does not fails naming itself, with its last lines. */
    void awaitReady(ClusterNode... waited) {
        for (ClusterNode node : waited) {
            node.awaitReady(READY_WAIT);
        }
    }

    SimLlmServer sim() {
        return sim;
    }

    TestDatabase database() {
        return database;
    }

    List<ClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    /** For an @AfterAll: closes the cluster a @BeforeAll may not have made. */
    static void close(TestCluster cluster) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Kills every node and keeps what each printed under target/cluster-logs/, for a failure to be read later. */
    @Override
    public void close() {
        nodes.forEach(ClusterNode::close);
        Path logs = Path.of("target", "cluster-logs", dir.getFileName().toString());
        for (ClusterNode node : nodes) {
            try {
                Files.createDirectories(logs);
                Files.write(logs.resolve(node.name + ".log"), node.lines());
            } catch (IOException e) {
                System.err.println("cannot keep the log of node " + node.name + ": " + e.getMessage());
            }
        }
        sim.stop().toCompletableFuture().join();
        simSystem.terminate();
        simSystem.getWhenTerminated().toCompletableFuture().join();
        database.close();
    }

    private static String nodeSettings(String simUrl) {
        return """
                software-factory.llm.backends.sim {
                  kind = openai
                  base-url = "%s"
                  models = [sim]
                }
                # Seconds, not the production 20: a test waits for a killed node to be downed.
                akka.cluster.split-brain-resolver.stable-after = 7s
                # Every message that may cross nodes goes through its serializer, even between local actors.
                akka.actor.serialize-messages = on
                """.formatted(simUrl);
    }

    private static final String LOGBACK = """
            <configuration>
              <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                <target>System.err</target>
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
              </appender>
              <logger name="akka.cluster" level="INFO"/>
              <logger name="dev.softwarefactory" level="INFO"/>
              <root level="WARN"><appender-ref ref="STDERR"/></root>
            </configuration>
            """;

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
