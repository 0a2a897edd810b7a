package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.replay.ReplaySource;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import dev.softwarefactory.runtime.replay.WorkspaceDigest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rerun and fork of recorded runs on one node with a real LevelDB journal and a model that counts calls. */
class ReplayRunTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> ROLES = List.of("Writer", "Reviewer");

    @TempDir
    static Path dataDir;
    static ActorTestKit kit;
    static FactoryNode node;
    static CountingModel model = new CountingModel(new ScriptedModel(List.of(
            new ScriptEntry("Write", null, "first draft", 0),
            new ScriptEntry("Review", null, "APPROVED: reads well", 0)), "test"));
    static ExecutorService threads = Executors.newCachedThreadPool();
    static final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void startNode() {
        kit = ActorTestKit.create("replay-run-test", NodeConfig.forDataDir(dataDir,
                ConfigFactory.parseString("software-factory.role-retry-interval = 100ms")));
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        node = FactoryNode.start(kit.system(), new DiceCompany(), new RoleServices(model, dataDir.resolve("workspace"),
                new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100), Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    @Test
    void aRerunServesEveryEffectWithoutCallingTheModelAndRebuildsTheSameWorkspace() {
        String source = run("write a poem", null);
        int callsBefore = model.total();

        String rerun = run("write a poem", ReplaySource.rerun(source));

        Company.Status end = awaitEnd(rerun);
        assertEquals(Outcome.SUCCEEDED, end.outcome(), end.reason());
        assertEquals(callsBefore, model.total(), "the rerun called the model");
        assertEquals(0, end.usage().modelCalls());
        assertEquals(WorkspaceDigest.of(workspace(source)), WorkspaceDigest.of(workspace(rerun)));
        assertEquals(List.of("llm:draft", "file:draft.md", "llm:review"), effectKeys(rerun, "EffectReplayed"));
        assertEquals(List.of(), effectKeys(rerun, "EffectRecorded"));
    }

    @Test
    void aForkServesTheStepsUpToItsStepAndRunsTheStepsAfterItLive() {
        String source = run("write a story", null);
        long draftStep = stepOf(source, "llm:draft");
        int writesBefore = model.calls("Write");
        int reviewsBefore = model.calls("Review");

        String fork = run("write a story", ReplaySource.fork(source, draftStep));

        assertEquals(Outcome.SUCCEEDED, awaitEnd(fork).outcome());
        assertEquals(writesBefore, model.calls("Write"), "the draft, up to the fork's step, was served");
        assertEquals(reviewsBefore + 1, model.calls("Review"), "the review, after the fork's step, ran live");
        assertEquals(List.of("llm:draft"), effectKeys(fork, "EffectReplayed"));
        assertEquals(List.of("file:draft.md", "llm:review"), effectKeys(fork, "EffectRecorded"));
        assertEquals(1, awaitEnd(fork).usage().modelCalls());
    }

    @Test
    void aRerunOfANonDeterministicActionStopsAndNamesTheStepWhereTheRunsDiverge() {
        String source = run("roll dice for a poem", null);
        long draftStep = stepOf(source, "llm:draft");

        String rerun = run("roll dice for a poem", ReplaySource.rerun(source));

        Company.Status end = awaitEnd(rerun);
        assertEquals(Outcome.FAILED, end.outcome());
        assertTrue(end.reason().contains("diverged from run " + source + " at step " + draftStep
                + ": Writer invocation 1 llm:draft: the prompt differs at character"), end.reason());
        assertEquals(List.of(), effectKeys(rerun, "EffectReplayed"));
        assertEquals(List.of(), effectKeys(rerun, "EffectRecorded"));
    }

    @Test
    void theTimelineListsEveryRolesStepsInTheOrderTheyWerePersisted() {
        String source = run("write an ode", null);

        List<Step> timeline = RunJournal.of(kit.system()).timeline(source);

        assertEquals(List.of("RunStarted", "MessagePublished"), timeline.subList(0, 2).stream().map(Step::type)
                .toList());
        assertEquals("RunEnded", timeline.stream().filter(s -> s.role().equals("Company")).reduce((a, b) -> b)
                .orElseThrow().type());
        for (int i = 0; i < timeline.size(); i++) {
            assertEquals(i + 1, timeline.get(i).number());
        }
        assertTrue(stepOf(source, "llm:draft") < stepOf(source, "llm:review"));
        Step draft = timeline.get((int) stepOf(source, "llm:draft") - 1);
        assertEquals("Writer", draft.role());
        assertEquals("Write", draft.action());
        assertTrue(draft.tokens() > 0, draft.toString());
    }

    private static String run(String requirement, ReplaySource replay) {
        String runId = "run" + runs.incrementAndGet();
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company(runId).tell(new Company.Start(new RunConfig(requirement, "scripted:test", ROLES, 10, 0, replay),
                started.getRef()));
        started.expectMessage(WAIT, akka.Done.getInstance());
        awaitEnd(runId);
        return runId;
    }

    private static Company.Status awaitEnd(String runId) {
        TestProbe<Company.Status> probe = kit.createTestProbe();
        return probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
            TestProbe<Company.Status> reply = kit.createTestProbe();
            node.company(runId).tell(new Company.GetStatus(reply.getRef()));
            Company.Status status = reply.receiveMessage(WAIT);
            assertNotEquals(Outcome.RUNNING, status.outcome());
            return status;
        });
    }

    private static long stepOf(String runId, String effectKey) {
        return RunJournal.of(kit.system()).timeline(runId).stream().filter(s -> s.effectKey().equals(effectKey))
                .findFirst().orElseThrow().number();
    }

    private static List<String> effectKeys(String runId, String eventType) {
        return RunJournal.of(kit.system()).timeline(runId).stream().filter(s -> s.type().equals(eventType))
                .map(Step::effectKey).toList();
    }

    private static Path workspace(String runId) {
        return dataDir.resolve("workspace").resolve(runId);
    }

    /** The scripted model, counting the calls that reach it by action. */
    static final class CountingModel implements LlmClient {
        private final LlmClient model;
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        CountingModel(LlmClient model) {
            this.model = model;
        }

        @Override
        public CompletionStage<LlmReply> complete(LlmRequest request) {
            calls.computeIfAbsent(request.action(), a -> new AtomicInteger()).incrementAndGet();
            return model.complete(request);
        }

        @Override
        public String describe() {
            return "counting " + model.describe();
        }

        int calls(String action) {
            return calls.getOrDefault(action, new AtomicInteger()).get();
        }

        int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }
}
