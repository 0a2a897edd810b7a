package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model call that would start once the run's budget is spent is refused, even inside one action;
 * every call made is counted once, by the run, whether or not its action succeeds.
 */
class RunBudgetTest {
    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static ExecutorService threads = Executors.newCachedThreadPool();
    static PricedModel model = new PricedModel(0.60);
    static FactoryNode node;

    @BeforeAll
    static void startNode() {
        kit = OneNodeKit.create("run-budget-test", ConfigFactory.parseString(
                "software-factory.query-journal = \"akka.persistence.testkit.query\""));
        node = FactoryNode.start(kit.system(), new SpendingCompany(), new RoleServices(model, workspaces,
                new CommandRunner(4096, new Unsandboxed()), threads, Duration.ofMillis(100), Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    @Test
    void aCallPastTheBudgetIsRefusedAndTheRunEndsSayingSo() {
        Company.Status end = runToEnd("over-budget", 1.00);
        assertEquals(Outcome.FAILED, end.outcome());
        assertEquals("budget of $1.00 spent ($1.2000): Spender's call for Spend refused", end.reason());
        assertEquals(2, model.calls("over-budget"), "the third call of the action must not reach the model");
    }

    @Test
    void aRunWithoutABudgetIsNeverRefused() {
        Company.Status end = runToEnd("no-budget", 0);
        assertEquals(Outcome.SUCCEEDED, end.outcome());
        assertEquals(3, model.calls("no-budget"));
        assertEquals(1.80, end.usage().costUsd(), 1e-9);
    }

    @Test
    void theCallsOfAnActionThatFailsAfterThemAreCountedInTheRunsUsage() {
        Company.Status end = runToEnd("fails-after-calls", Spend.FAIL, 0);

        assertEquals(Outcome.FAILED, end.outcome(), end.reason());
        assertEquals(3, model.calls("fails-after-calls"));
        assertEquals(3, end.usage().modelCalls());
        assertEquals(60, end.usage().tokens());
        assertEquals(1.80, end.usage().costUsd(), 1e-9);
    }

    @Test
    void theRunCatalogCountsTheSameCallsAsTheRun() {
        Company.Status end = runToEnd("catalogued", Spend.FAIL, 0);

        assertEquals(3, end.usage().modelCalls());
        assertEquals(end.usage(), new RunCatalog(kit.system()).find("catalogued").orElseThrow().usage());
    }

    @Test
    void aCallIsCountedOnceWhateverHowOftenItIsReportedAndEvenAfterTheRunEnded() {
        runToEnd("reported-twice", 0);
        Usage oneCall = new Usage(1, 20, 0.60);

        // Sent from one thread through one shard region: GetStatus is answered after both are handled.
        node.company("reported-twice").tell(new Company.AccountModelCall("Spender", 1, "llm:one", oneCall));
        node.company("reported-twice").tell(new Company.AccountModelCall("Spender", 1, "llm:late", oneCall));

        TestProbe<Company.Status> status = kit.createTestProbe();
        node.company("reported-twice").tell(new Company.GetStatus(status.getRef()));
        assertEquals(4, status.receiveMessage(Duration.ofSeconds(5)).usage().modelCalls());
    }

    private static Company.Status runToEnd(String runId, double budget) {
        return runToEnd(runId, "spend", budget);
    }

    private static Company.Status runToEnd(String runId, String requirement, double budget) {
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company(runId).tell(new Company.Start(new RunConfig(requirement, "test", List.of("Spender"), 10, budget),
                started.getRef()));
        started.receiveMessage(Duration.ofSeconds(20));
        TestProbe<Company.Status> probe = kit.createTestProbe();
        return probe.awaitAssert(Duration.ofSeconds(20), Duration.ofMillis(50), () -> {
            node.company(runId).tell(new Company.GetStatus(probe.getRef()));
            Company.Status status = probe.receiveMessage();
            assertTrue(status.outcome() != Outcome.RUNNING);
            return status;
        });
    }

    /** Every call costs the same and is counted per run. */
    static final class PricedModel implements LlmClient {
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final double costUsd;

        PricedModel(double costUsd) {
            this.costUsd = costUsd;
        }

        @Override
        public CompletionStage<LlmReply> complete(LlmRequest request) {
            calls.computeIfAbsent(request.runId(), r -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(new LlmReply("spent", 10, 10, costUsd, "priced", "priced", 1));
        }

        int calls(String runId) {
            return calls.getOrDefault(runId, new AtomicInteger()).get();
        }

        @Override
        public String describe() {
            return "priced test model";
        }
    }

    /** One role whose one action makes three model calls. */
    static final class SpendingCompany implements Sop {
        @Override
        public List<RoleDefinition> roles() {
            return List.of(new TestCompany.OneActionRole("Spender", Message.REQUIREMENT, new Spend()));
        }

        @Override
        public Optional<String> completes(Message message) {
            return message.type().equals("Spent") ? Optional.of("all spent") : Optional.empty();
        }
    }

    /** Three model calls, then done; or, asked to fail, three calls and a failure as if no answer would do. */
    static final class Spend implements Action {
        static final String FAIL = "spend, then fail";

        @Override
        public String name() {
            return "Spend";
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) {
            for (String key : List.of("one", "two", "three")) {
                context.llm(key, "Spend", key, List.of(ChatMessage.user("spend " + key)));
            }
            if (input.triggers().get(0).content().equals(FAIL)) {
                throw new IllegalStateException("Spend: the model's answer was rejected 3 times");
            }
            return List.of(Draft.of("Spent", "done"));
        }
    }
}
