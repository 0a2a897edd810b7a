package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.sharding.ShardRegion.CurrentShardRegionState;
import akka.cluster.sharding.typed.GetShardRegionState;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ended run's Company leaves memory after a while, and still answers when asked again. */
class CompanyUnloadTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static ExecutorService threads = Executors.newCachedThreadPool();
    static FactoryNode node;

    @BeforeAll
    static void startNode() {
        kit = ActorTestKit.create("company-unload-test", ConfigFactory.parseString(
                "software-factory.ended-run-linger = 1s").withFallback(PersistenceTestKitPlugin.getInstance()
                .config()).withFallback(NodeConfig.nodeDefaults()));
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        ScriptedModel model = new ScriptedModel(List.of(new ScriptEntry("Write", "draft.md", "a draft", 0),
                new ScriptEntry("Review", null, "APPROVED", 0)), "test");
        node = FactoryNode.start(kit.system(), new TestCompany(), new RoleServices(model, workspaces,
                new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100), Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    private static boolean inMemory(String runId) {
        TestProbe<CurrentShardRegionState> state = kit.createTestProbe();
        ClusterSharding.get(kit.system()).shardState().tell(new GetShardRegionState(Company.KEY, state.getRef()));
        return state.receiveMessage(WAIT).getShards().stream().anyMatch(shard -> shard.getEntityIds().contains(runId));
    }

    private static Company.Status ended(String runId) {
        TestProbe<Company.Status> probe = kit.createTestProbe();
        return probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            node.company(runId).tell(new Company.GetStatus(probe.getRef()));
            Company.Status status = probe.receiveMessage(WAIT);
            assertTrue(status.outcome() != Outcome.RUNNING);
            return status;
        });
    }

    @Test
    void anEndedRunsCompanyLeavesMemoryAndAnswersFromTheJournalWhenAskedAgain() {
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company("unloaded").tell(new Company.Start(new RunConfig("write", "scripted:test",
                List.of("Writer", "Reviewer"), 10, 0), started.getRef()));
        started.receiveMessage(WAIT);
        Company.Status end = ended("unloaded");
        assertEquals(Outcome.SUCCEEDED, end.outcome());
        assertTrue(inMemory("unloaded"));
        started.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
            assertFalse(inMemory("unloaded"), "the ended Company is still in memory");
            return null;
        });
        assertEquals(end, ended("unloaded"));
        started.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
            assertFalse(inMemory("unloaded"), "the Company woken by a question stays in memory");
            return null;
        });
    }
}
