package dev.softwarefactory.node;

import com.typesafe.config.Config;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.roles.SoftwareCompany;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.CommandRunner;
import dev.softwarefactory.runtime.CommandSlots;
import dev.softwarefactory.runtime.FactoryNode;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RoleServices;
import dev.softwarefactory.runtime.SandboxUnavailable;
import dev.softwarefactory.runtime.Sop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The software company on a node session: starts or resumes a run and follows it to its end. */
public final class CompanyNode {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STATUS_POLL = Duration.ofMillis(200);
    private final NodeSession session;
    private final FactoryNode node;
    private final ExecutorService actionThreads;
    private final Sop sop;
    private final CommandSlots commandSlots;

    public CompanyNode(NodeSession session, LlmClient llm) {
        this(session, llm, sop(session.system().settings().config().getConfig("software-factory")));
    }

    public CompanyNode(NodeSession session, LlmClient llm, Sop sop) {
        this.session = session;
        this.sop = sop;
        Config config = session.system().settings().config().getConfig("software-factory");
        // Generated code must not read the journal, other runs or the node's settings (API keys).
        CommandRunner commands = commandRunner(config, List.of(session.workspaces().getParent(), Path.of("conf")));
        this.commandSlots = commands.slots();
        this.actionThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "action");
            thread.setDaemon(true);
            return thread;
        });
        RoleServices services = new RoleServices(llm, session.workspaces(), commands, actionThreads,
                config.getDuration("role-retry-interval"), config.getDuration("ask-timeout"));
        this.node = FactoryNode.start(session.system(), sop, services);
        if (ClusterFormation.enabled(session.system().settings().config())) {
            RunRecovery.start(session.system(), node);
        }
    }

    /** The default SOP with the configured test time limit and package sources. */
    private static Sop sop(Config softwareFactory) {
        return new SoftwareCompany(softwareFactory.getDuration("test-timeout"),
                PackageSources.fromConfig(softwareFactory),
                MutationCheck.Settings.fromConfig(softwareFactory.getConfig("mutation")));
    }

    private static CommandRunner commandRunner(Config config, List<Path> hidden) {
        try {
            return CommandRunner.fromConfig(config, hidden);
        } catch (SandboxUnavailable | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** How many commands of this node's runs run and wait now. */
    public CommandSlots commandSlots() {
        return commandSlots;
    }

    public Sop sop() {
        return sop;
    }

    public void start(String runId, dev.softwarefactory.runtime.RunConfig config) {
        join(node.company(runId).<akka.Done>ask(reply -> new Company.Start(config, reply), ASK_TIMEOUT));
    }

    public void resume(String runId) {
        join(node.company(runId).ask(Company.Resume::new, ASK_TIMEOUT));
    }

    /** Ends the run as CANCELLED if it is still open; returns its status after. */
    public Company.Status cancel(String runId, String reason) {
        return join(node.company(runId).ask(reply -> new Company.Cancel(reason, reply), ASK_TIMEOUT));
    }

    public Company.Status status(String runId) {
        return join(node.company(runId).ask(Company.GetStatus::new, ASK_TIMEOUT));
    }

    /** What the run was started with, from its Company (on whichever node it lives). */
    public java.util.concurrent.CompletionStage<dev.softwarefactory.runtime.RunConfig> config(String runId) {
        return node.company(runId).ask(Company.GetConfig::new, ASK_TIMEOUT);
    }

    /** Waits until the run ends; returns its final status. */
    public Company.Status follow(String runId) {
        while (true) {
            Company.Status status = join(node.company(runId).ask(Company.GetStatus::new,
                    ASK_TIMEOUT));
            if (status.outcome() != Outcome.RUNNING) {
                return status;
            }
            try {
                Thread.sleep(STATUS_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    /** Follows the run to its end, then saves its summary in the workspace and returns it. */
    public ProjectSummary finish(String runId) {
        Company.Status status = follow(runId);
        Company.LogSlice log = join(node.company(runId).ask(reply -> new Company.ReadLog("cli",
                java.util.Set.of(MessageTypes.TEST_REPORT, MessageTypes.ENVIRONMENT), 0, false, reply), ASK_TIMEOUT));
        ProjectSummary summary = ProjectSummary.of(status, last(log, MessageTypes.TEST_REPORT),
                last(log, MessageTypes.ENVIRONMENT), session.workspaces().resolve(runId));
        summary.write();
        return summary;
    }

    /** The content of the run's last TestReport, empty when it has none. */
    public String lastTestReport(String runId) {
        return last(join(node.company(runId).ask(reply -> new Company.ReadLog("cli",
                java.util.Set.of(MessageTypes.TEST_REPORT), 0, false, reply), ASK_TIMEOUT)), MessageTypes.TEST_REPORT);
    }

    /** The content of the log's last message of a type, or "" when it has none. */
    private static String last(Company.LogSlice log, String type) {
        String content = "";
        for (var entry : log.entries()) {
            if (entry.message().type().equals(type)) {
                content = entry.message().content();
            }
        }
        return content;
    }

    public void close() {
        actionThreads.shutdownNow();
    }

    private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
