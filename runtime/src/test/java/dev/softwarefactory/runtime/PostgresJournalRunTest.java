package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.journal.JournalWrites;
import dev.softwarefactory.runtime.journal.TestDatabase;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on the PostgreSQL journal, read back with its read journal (needs the test server of .ci/postgres). */
class PostgresJournalRunTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void aRunPersistsToPostgresAndIsReadBackByTheJdbcReadJournal() {
        try (TestDatabase database = TestDatabase.withSchema()) {
            ExecutorService threads = Executors.newCachedThreadPool();
            ActorTestKit kit = ActorTestKit.create("postgres-run", NodeConfig.forDataDir(dataDir,
                    ConfigFactory.parseString("software-factory.journal = \"" + database.url() + "\"\n"
                            + "software-factory.journal-user = \"" + database.journal().user() + "\"\n"
                            + "software-factory.journal-password = \"" + database.journal().password() + "\"\n"
                            + "software-factory.journal-pool-size = 2")));
            try {
                assertEquals("jdbc-read-journal", kit.system().settings().config().getString("software-factory.query-journal"));
                AtomicLong writes = new AtomicLong();
                JournalWrites.get(Adapter.toClassic(kit.system())).onWrite(nanos -> writes.incrementAndGet());
                Cluster cluster = Cluster.get(kit.system());
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
                FactoryNode node = FactoryNode.start(kit.system(), new TestCompany(), new RoleServices(
                        new ScriptedModel(List.of(new ScriptEntry("Write", null, "a draft", 0),
                                new ScriptEntry("Review", null, "APPROVED", 0)), "test"),
                        dataDir.resolve("workspace"), new CommandRunner(4096, new Unsandboxed()), threads,
                        Duration.ofMillis(100), Duration.ofSeconds(3)));
                TestProbe<akka.Done> started = kit.createTestProbe();
                node.company("pg1").tell(new Company.Start(new RunConfig("write a poem", "scripted:test",
                        List.of("Writer", "Reviewer"), 10, 0), started.getRef()));
                started.expectMessage(WAIT, akka.Done.getInstance());
                TestProbe<Company.Status> status = kit.createTestProbe();
                status.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
                    node.company("pg1").tell(new Company.GetStatus(status.getRef()));
                    assertEquals(Outcome.SUCCEEDED, status.receiveMessage(WAIT).outcome());
                    return null;
                });
                List<Step> timeline = RunJournal.of(kit.system()).timeline("pg1");
                assertEquals("RunStarted", timeline.get(0).type());
                assertTrue(timeline.stream().anyMatch(s -> s.type().equals("RunEnded")), timeline.toString());
                RunSummary summary = new RunCatalog(kit.system()).find("pg1").orElseThrow();
                assertEquals(Outcome.SUCCEEDED, summary.outcome());
                assertEquals(List.of("pg1"), new RunCatalog(kit.system()).runs().stream().map(RunSummary::runId).toList());
                assertTrue(writes.get() > 0 && writes.get() <= timeline.size(),
                        writes.get() + " journal writes timed for " + timeline.size() + " events");
            } finally {
                kit.shutdownTestKit();
                threads.shutdownNow();
            }
        }
    }
}
