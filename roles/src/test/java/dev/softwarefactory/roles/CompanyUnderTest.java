package dev.softwarefactory.roles;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.Bubblewrap;
import dev.softwarefactory.runtime.CommandRunner;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.FactoryNode;
import dev.softwarefactory.runtime.NodeConfig;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RoleServices;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.Sandbox;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The default SOP on one node with an in-memory journal, each run with its own script: starts runs,
 * waits for their end, and reads back their recorded commands and workspace.
 */
final class CompanyUnderTest implements AutoCloseable {
    static final int OUTPUT_LIMIT = 8192;
    private static final AtomicInteger runs = new AtomicInteger();
    private final ActorTestKit kit;
    private final FactoryNode node;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, ScriptedModel> scripts = new ConcurrentHashMap<>();
    private final Path workspaces;
    private final Sandbox sandbox;

    CompanyUnderTest(Path workspaces, Duration testTimeout) {
        this(workspaces, testTimeout, PackageSources.installerDefaults());
    }

    /** {@code sources}: where dependency installs fetch from, e.g. a wheelhouse or file repository the test built. */
    CompanyUnderTest(Path workspaces, Duration testTimeout, PackageSources sources) {
        this(workspaces, new SoftwareCompany(testTimeout, sources));
    }

    CompanyUnderTest(Path workspaces, SoftwareCompany sop) {
        this.workspaces = workspaces;
        kit = ActorTestKit.create("sop-" + runs.incrementAndGet(), PersistenceTestKitPlugin.getInstance().config()
                .withFallback(ConfigFactory.parseString("software-factory.role-retry-interval = 100ms"))
                .withFallback(NodeConfig.nodeDefaults()));
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        // The node's own sandbox (bubblewrap where it works), as generated projects meet it in a real run.
        sandbox = Sandbox.fromConfig(kit.system().settings().config().getConfig("software-factory.sandbox"),
                List.of());
        node = FactoryNode.start(kit.system(), sop, new RoleServices(new ScriptPerRun(), workspaces,
                new CommandRunner(OUTPUT_LIMIT, sandbox), threads, Duration.ofMillis(100), Duration.ofSeconds(5)));
    }

    /** Runs the company on a script to its end; returns the run's final status. */
    Company.Status run(String runId, List<ScriptEntry> script, int maxRounds) {
        scripts.put(runId, new ScriptedModel(script, runId));
        List<String> roles = new SoftwareCompany(Duration.ZERO).roles().stream().map(RoleDefinition::name).toList();
        TestProbe<akka.Done> started = kit.createTestProbe();
        node.company(runId).tell(new Company.Start(new RunConfig("requirement", "scripted:" + runId, roles,
                maxRounds, 0), started.getRef()));
        started.expectMessage(Duration.ofSeconds(20), akka.Done.getInstance());
        TestProbe<Company.Status> probe = kit.createTestProbe();
        return probe.awaitAssert(Duration.ofMinutes(3), Duration.ofMillis(100), () -> {
            node.company(runId).tell(new Company.GetStatus(probe.getRef()));
            Company.Status status = probe.receiveMessage(Duration.ofSeconds(20));
            if (status.outcome() == Outcome.RUNNING) {
                throw new AssertionError("run " + runId + " has not ended");
            }
            return status;
        });
    }

    /** The commands a role ran under an effect key (e.g. "exec:tests"), in the order they were recorded. */
    List<CommandExited> commands(String runId, String role, String key) {
        return PersistenceTestKit.create(kit.system()).persistedInStorage("Role-" + role + "|" + runId).stream()
                .filter(e -> e instanceof RoleActor.EffectRecorded r && r.key().equals(key))
                .map(e -> (CommandExited) ((RoleActor.EffectRecorded) e).result())
                .toList();
    }

    /** The prompts of a role's model calls for an action, in the order they were recorded. */
    List<String> prompts(String runId, String role, String action) {
        return PersistenceTestKit.create(kit.system()).persistedInStorage("Role-" + role + "|" + runId).stream()
                .filter(e -> e instanceof RoleActor.EffectRecorded r && r.result() instanceof LlmAnswered answered
                        && answered.action().equals(action))
                .map(e -> ((LlmAnswered) ((RoleActor.EffectRecorded) e).result()).prompt())
                .toList();
    }

    /** The contents of the messages of a type the run published, in order. */
    List<String> messages(String runId, String type) {
        return PersistenceTestKit.create(kit.system()).persistedInStorage("Company|" + runId).stream()
                .filter(e -> e instanceof Company.MessagePublished p && p.entry().message().type().equals(type))
                .map(e -> ((Company.MessagePublished) e).entry().message().content())
                .toList();
    }

    /** True when commands run under bubblewrap: no network, nothing writable but the workspace. */
    boolean sandboxed() {
        return sandbox instanceof Bubblewrap;
    }

    Path workspace(String runId) {
        return workspaces.resolve(runId);
    }

    /** Every file of a run's workspace outside the runtime's .sf/ folder, relative path to content. */
    Map<String, String> files(String runId) {
        Path root = workspace(runId);
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !Files.isDirectory(p)).toList()) {
                String relative = root.relativize(path).toString();
                if (!relative.startsWith(".sf/")) {
                    files.put(relative, Files.readString(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public void close() {
        kit.shutdownTestKit();
        threads.shutdownNow();
    }

    private final class ScriptPerRun implements LlmClient {
        @Override
        public CompletionStage<LlmReply> complete(LlmRequest request) {
            ScriptedModel script = scripts.get(request.runId());
            return script == null ? CompletableFuture.failedFuture(new IllegalStateException("no script"))
                    : script.complete(request);
        }

        @Override
        public String describe() {
            return "a script per run";
        }
    }
}
