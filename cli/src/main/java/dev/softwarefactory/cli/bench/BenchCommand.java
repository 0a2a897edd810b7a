package dev.softwarefactory.cli.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {ReplayBench.class, RunsBench.class,
        ClusterBench.class, KillBench.class, EnvBench.class, MutationBench.class, PageBench.class},
        description = "Measure the runtime on this machine: events persisted per second to LevelDB and the time"
                + " from a role's publish to a watching role's action, each beside a baseline of the same run.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "20000", description = "Events to persist (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--writers", defaultValue = "8", description = "Persistent actors writing at once (default: ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--exchanges", defaultValue = "500", description = "Role-to-role messages (default: ${DEFAULT-VALUE}).")
    int exchanges;

    @Option(names = "--journal", paramLabel = "URL",
            description = "Also persist the events to this PostgreSQL journal (jdbc:postgresql://HOST:5432/DB,"
                    + " user and password from PGUSER and PGPASSWORD), beside LevelDB.")
    String journal;

    @Override
    public Integer call() throws Exception {
        if (events < writers || writers < 1 || exchanges < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need --writers >= 1, --events >= --writers and --exchanges >= 2");
        }
        Path dataDir = Files.createTempDirectory("sf-bench");
        System.out.printf("bench: %d raw LevelDB puts, then %d events from %d actors, then %d role-to-role"
                + " messages, in %s ...%n", events, events, writers, exchanges, dataDir);
        System.out.flush();
        String payload = "x".repeat(200);
        try (NodeSession session = NodeSession.open(dataDir, true)) {
            double rawSeconds = RawLevelDb.writeSeconds(dataDir.resolve("raw-leveldb"), events, payload);
            double journalSeconds = journalSeconds(session, payload);
            System.out.printf("journal writes (fsync on, %d-byte payload):%n", payload.length());
            System.out.printf("  event-sourced, %d actors: %,10.0f events/s (%d events in %.2f s)%n", writers,
                    events / journalSeconds, events, journalSeconds);
            System.out.printf("  baseline, raw LevelDB put: %,10.0f puts/s   (%d puts in %.2f s)%n",
                    events / rawSeconds, events, rawSeconds);
            System.out.printf("  ratio event-sourced / raw: %.2f%n", rawSeconds / journalSeconds);
            if (journal != null) {
                double postgresSeconds = postgresSeconds(dataDir.resolve("postgres-node"), payload);
                System.out.printf("  event-sourced on PostgreSQL, %d actors: %,10.0f events/s (%d events in %.2f s)%n",
                        writers, events / postgresSeconds, events, postgresSeconds);
                System.out.printf("  ratio PostgreSQL / LevelDB: %.2f%n", journalSeconds / postgresSeconds);
            }

            List<Long> roles = roleLatencies(session);
            List<Long> topic = TopicRoundTrip.latenciesNanos(session.system(), roles.size());
            System.out.printf("publish -> watching role's action (%d messages):%n", roles.size());
            System.out.printf("  through the Company log:  median %7.3f ms, p99 %7.3f ms%n", ms(roles, 50), ms(roles, 99));
            System.out.printf("  baseline, bare Akka Topic: median %7.3f ms, p99 %7.3f ms%n", ms(topic, 50), ms(topic, 99));
            System.out.printf("  ratio median: %.1f, p99: %.1f%n", ms(roles, 50) / ms(topic, 50), ms(roles, 99) / ms(topic, 99));
        } finally {
            deleteTree(dataDir);
        }
        return 0;
    }

    private double postgresSeconds(Path dataDir, String payload) {
        try (NodeSession session = NodeSession.open(dataDir, false, ConfigFactory.parseMap(
                java.util.Map.of("software-factory.journal", journal)))) {
            // A database may keep earlier benches' events: new writers, so that none replays them.
            return journalSeconds(session, payload, "w-" + java.util.UUID.randomUUID() + "-");
        }
    }

    private double journalSeconds(NodeSession session, String payload) {
        return journalSeconds(session, payload, "w");
    }

    private double journalSeconds(NodeSession session, String payload, String writerPrefix) {
        List<ActorRef<BenchRecorder.Command>> recorders = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            recorders.add(session.system().systemActorOf(BenchRecorder.create(writerPrefix + i), "bench-writer-" + i,
                    Props.empty()));
        }
        long start = System.nanoTime();
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (ActorRef<BenchRecorder.Command> recorder : recorders) {
            done.add(AskPattern.<BenchRecorder.Command, Long>ask(recorder,
                    reply -> new BenchRecorder.Record(events / writers, payload, reply), Duration.ofMinutes(10),
                    session.system().scheduler()).toCompletableFuture());
        }
        done.forEach(CompletableFuture::join);
        return (System.nanoTime() - start) / 1e9;
    }

    private List<Long> roleLatencies(NodeSession session) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CompanyNode node = new CompanyNode(session, new ScriptedModel(List.of(), "none"),
                new PingPong(exchanges, latencies));
        try {
            node.start("bench", new RunConfig("ping", "none", List.of("Ping", "Pong"), exchanges + 1, 0));
            Company.Status end = node.follow("bench");
            if (latencies.size() < exchanges - 1) {
                throw new IllegalStateException("the ping-pong run ended early: " + end.reason());
            }
            return new ArrayList<>(latencies);
        } finally {
            node.close();
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
