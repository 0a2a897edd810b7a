package dev.softwarefactory.node;

import akka.actor.typed.javadsl.Adapter;
import com.typesafe.config.Config;
import dev.softwarefactory.llmgateway.gateway.Gateway;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.DamagedRun;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.journal.JournalWrites;
import dev.softwarefactory.runtime.replay.Downtime;
import dev.softwarefactory.runtime.replay.ReplaySource;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import dev.softwarefactory.runtime.replay.WorkspaceDigest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The runs of a node: starts, resumes, cancels, reruns and forks them, and reads them back. What the
 * API and the CLI both call; every refusal is a {@link UserError} of the right kind.
 */
public final class RunService implements AutoCloseable {
    private static final String CANCELLED = "cancelled by the user";
    private final NodeSession session;
    private final CompanyNode company;
    private final RunModels models;
    private final RunIndex index;
    private final RunFeed feed;
    private final RunTimelines timelines;
    private final Optional<String> defaultSpec;
    private final int maxRequirementChars;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final ExecutorService summaries = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "run-summaries");
        thread.setDaemon(true);
        return thread;
    });

    private RunService(NodeSession session, Optional<String> defaultSpec, Optional<String> apiKey,
            MeterRegistry registry) {
        this.session = session;
        this.defaultSpec = defaultSpec;
        AtomicReference<CompanyNode> companyRef = new AtomicReference<>();
        this.models = new RunModels(spec -> LlmSpec.open(spec, session.system(), apiKey),
                runId -> companyRef.get().config(runId));
        this.company = new CompanyNode(session, models);
        companyRef.set(company);
        this.index = new RunIndex(session.system());
        this.feed = new RunFeed(session.system());
        this.timelines = new RunTimelines(session.system(), session.dataDir());
        this.maxRequirementChars = config().getInt("software-factory.max-requirement-chars");
        NodeMetrics metrics = new NodeMetrics(registry, index::listed, timelines::keptSteps,
                company.commandSlots());
        models.measure(metrics);
        if (ClusterFormation.enabled(config())) {
            models.onOpened(GatewaySpecs.start(session.system(), models::forSpec)::opened);
        }
        JournalWrites.get(Adapter.toClassic(session.system())).onWrite(metrics::journalWritten);
    }

    /**
     * Runs on a session's node; {@code defaultSpec} is the model of runs that name none (empty: the
     * configured gateway or a local Ollama), {@code apiKey} the key for OpenAI-compatible servers;
     * what the node measures goes to {@code registry}.
     */
    public static RunService start(NodeSession session, Optional<String> defaultSpec, Optional<String> apiKey,
            MeterRegistry registry) {
        return new RunService(session, defaultSpec, apiKey, registry);
    }

    public NodeSession session() {
        return session;
    }

    /**
     * The model gateway of the node's default model, if that is a model server (not a script): what
     * the OpenAI-compatible endpoint and the backend status serve, shared with the runs on it.
     */
    public Optional<Gateway> gateway() {
        return defaultSpec.filter(spec -> !spec.equals(LlmSpec.DEMO) && !spec.startsWith(LlmSpec.SCRIPTED))
                .map(models::forSpec)
                .flatMap(Gateway::of);
    }

    public RunFeed feed() {
        return feed;
    }

    private Config config() {
        return session.system().settings().config();
    }

    public StartedRun start(StartRun order) {
        String requirement = order.requirement() == null ? "" : order.requirement().strip();
        if (requirement.isEmpty()) {
            throw new UserError("the requirement is empty: say what to build, e.g. \"Write a cli snake game\"");
        }
        if (requirement.length() > maxRequirementChars) {
            throw new UserError("the requirement has " + requirement.length() + " characters; the limit is "
                    + maxRequirementChars + " (software-factory.max-requirement-chars)");
        }
        checkLimits(order.nRound(), order.investment());
        String spec = order.model().explicitSpec().or(() -> defaultSpec)
                .orElseGet(() -> LlmSpec.choose(Optional.empty(), config()));
        LlmSpec.check(spec, config());
        List<String> roles = company.sop().roles().stream().map(RoleDefinition::name).toList();
        return launch(RunIds.next(), new RunConfig(requirement, spec, roles, order.nRound(), order.investment()));
    }

    private static void checkLimits(int nRound, double investment) {
        if (nRound < 1) {
            throw new UserError("nRound must be at least 1");
        }
        if (investment < 0 || Double.isNaN(investment)) {
            throw new UserError("investment must not be negative");
        }
    }

    private StartedRun launch(String runId, RunConfig config) {
        String model = models.register(runId, config).describe();
        company.start(runId, config);
        watch(runId);
        return new StartedRun(runId, model, session.workspaces().resolve(runId).toString(), 0);
    }

    /** When the run ends, its summary is saved in its workspace and its model let go. */
    private void watch(String runId) {
        if (watched.add(runId)) {
            feed.ended(runId).thenRunAsync(() -> {
                try {
                    company.finish(runId);
                } finally {
                    models.forget(runId);
                    watched.remove(runId);
                }
            }, summaries);
        }
    }

    public RunSummary find(String runId) {
        return index.find(runId).orElseThrow(() -> UserError.notFound("no run " + runId));
    }

    /** The run as its Company tells it, without reading all its events: enough to know it exists. */
    public RunSummary requireKnown(String runId) {
        return index.known(runId).orElseThrow(() -> UserError.notFound("no run " + runId));
    }

    /**
     * A running run's damage and downtime come from its kept timeline (a damaged one is refused when
     * read), so a page that asks again after each action does not read every event of the run each time.
     */
    public RunDetail detail(String runId) {
        RunSummary known = requireKnown(runId);
        List<Step> steps = timelines.read(runId).steps();
        RunItem run = RunItem.of(known.outcome() != Outcome.RUNNING ? find(runId)
                : known.inspected("", Downtime.of(steps)));
        RunConfig config = RunJournal.of(session.system()).config(runId).orElse(null);
        return RunDetail.of(run, steps, config, rerunDigests(run, config));
    }

    /** Both workspaces of an ended rerun, digested as `replay --rerun` prints them. */
    private RunDetail.Digests rerunDigests(RunItem run, RunConfig config) {
        if (config == null || config.replay() == null || config.replay().liveAfter()
                || Outcome.RUNNING.name().equals(run.status())) {
            return null;
        }
        Path rerun = session.workspaces().resolve(run.id());
        Path source = session.workspaces().resolve(config.replay().runId());
        if (!Files.isDirectory(rerun) || !Files.isDirectory(source)) {
            return null;
        }
        return new RunDetail.Digests(WorkspaceDigest.of(rerun), WorkspaceDigest.of(source));
    }

    /** Runs newest first, only those with {@code status} when given. */
    public RunPage list(Optional<Outcome> status, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new UserError("offset must not be negative and limit must be at least 1");
        }
        List<RunSummary> runs = index.listed().stream()
                .filter(r -> status.isEmpty() || r.outcome() == status.get()).toList();
        List<RunItem> page = runs.stream().skip(offset).limit(limit)
                .map(r -> RunItem.of(index.find(r.runId()).orElse(r))).toList();
        return new RunPage(runs.size(), offset, limit, page);
    }

    /** Every run, oldest first, as `runs` lists them. */
    public List<RunSummary> all() {
        List<RunSummary> runs = new ArrayList<>(index.all());
        java.util.Collections.reverse(runs);
        return runs;
    }

    public RunItem cancel(String runId) {
        requireOpen(runId, "cancel");
        company.cancel(runId, CANCELLED);
        return RunItem.of(find(runId));
    }

    /** Continues an unfinished run, with another model when {@code model} names one. */
    public StartedRun resume(String runId, ModelOptions model) {
        RunSummary run = find(runId);
        if (run.damaged()) {
            throw new DamagedRun(runId, run.damage() + "; it is not resumed, as its roles would redo (and pay"
                    + " for) what the lost events recorded");
        }
        requireOpen(runId, "resume");
        RunConfig recorded = RunJournal.of(session.system()).config(runId).orElseThrow();
        String spec = model.explicitSpec().orElse(recorded.llm());
        LlmSpec.check(spec, config());
        RunConfig config = new RunConfig(recorded.requirement(), spec, recorded.roles(), recorded.maxRounds(),
                recorded.budgetUsd(), recorded.replay());
        String description = models.register(runId, config).describe();
        long after = feed.lastId(runId);
        company.resume(runId);
        watch(runId);
        return new StartedRun(runId, description, session.workspaces().resolve(runId).toString(), after);
    }

    private void requireOpen(String runId, String what) {
        RunSummary run = find(runId);
        if (run.outcome() != Outcome.RUNNING) {
            throw UserError.conflict("cannot " + what + " run " + runId + ": it already ended " + run.outcome()
                    + ": " + run.reason());
        }
    }

    /** Re-executes an ended run as a new one, every effect served from the old run's journal. */
    public StartedRun rerun(String runId) {
        SourceRun source = endedSource(runId, "rerun", "resume it first, or fork it");
        RunConfig old = source.config();
        return launch(RunIds.next(), new RunConfig(old.requirement(), old.llm(), old.roles(), old.maxRounds(),
                old.budgetUsd(), ReplaySource.rerun(runId)));
    }

    /** A new run served the recorded run's effects up to a step, live after it. */
    public StartedRun fork(String runId, ForkRun fork) {
        SourceRun source = endedSource(runId, "fork", "cancel or resume it first");
        if (fork.at() < 1 || fork.at() > source.timeline().steps().size()) {
            throw new UserError("run " + runId + " has no step " + fork.at() + " (its steps are 1.."
                    + source.timeline().steps().size() + ")");
        }
        RunConfig old = source.config();
        String spec = fork.model().specOver(old.llm());
        if (fork.aliasMap() != null && !fork.aliasMap().isEmpty()) {
            spec = LlmSpec.withAliasMap(spec, fork.aliasMap());
        }
        LlmSpec.check(spec, config());
        int nRound = fork.nRound() != null ? fork.nRound() : old.maxRounds();
        double investment = fork.investment() != null ? fork.investment() : old.budgetUsd();
        checkLimits(nRound, investment);
        return launch(RunIds.next(), new RunConfig(old.requirement(), spec, old.roles(), nRound, investment,
                ReplaySource.fork(runId, fork.at())));
    }

    private SourceRun endedSource(String runId, String what, String instead) {
        SourceRun source = source(runId);
        if (source.summary().outcome() == Outcome.RUNNING) {
            throw UserError.conflict("cannot " + what + " run " + runId + " while it has not ended: " + instead);
        }
        return source;
    }

    /** A recorded run read back: how it ended, its config, its timeline. */
    public SourceRun source(String runId) {
        find(runId);
        return SourceRun.read(session, session.dataDir(), runId);
    }

    /**
     * Steps after step {@code after} that pass the filter, at most {@code limit}; with {@code full}, each
     * with its journaled event.
     */
    public List<StepView> timeline(String runId, long after, int limit, boolean full, StepFilter filter) {
        if (after < 0 || limit < 1) {
            throw new UserError("after must not be negative and limit must be at least 1");
        }
        return timelines.read(runId).steps().stream().skip(after).filter(filter::matches)
                .limit(limit).map(full ? StepView::full : StepView::row).toList();
    }

    public StepView step(String runId, long number) {
        return StepView.full(timelines.read(runId).step(number));
    }

    public RunFiles files(String runId) {
        return new RunFiles(timelines.read(runId).steps());
    }

    public void zip(String runId, OutputStream out) {
        files(runId).zip(out);
    }

    public List<String> dataset(String runId) {
        return Dataset.lines(source(runId));
    }

    /** The summary of a run that has ended; a run still going has none yet. */
    public ProjectSummary endedSummary(String runId) {
        RunSummary run = find(runId);
        if (run.outcome() == Outcome.RUNNING) {
            throw UserError.conflict("run " + runId + " has not ended: it has no summary yet");
        }
        return summary(runId);
    }

    /** The summary of an ended run, saved in its workspace; waits for the run's end. */
    public ProjectSummary summary(String runId) {
        return company.finish(runId);
    }

    /** Resumes every run of the data dir that has not ended; returns their ids. */
    public List<String> resumeUnfinished() {
        List<String> resumed = new ArrayList<>();
        for (RunSummary run : index.listed()) {
            if (run.outcome() == Outcome.RUNNING && !watched.contains(run.runId())) {
                try {
                    resume(run.runId(), ModelOptions.NONE);
                    resumed.add(run.runId());
                } catch (UserError | DamagedRun e) {
                    session.system().log().warn("run {} not resumed: {}", run.runId(), e.getMessage());
                } catch (CompletionException e) {
                    // In a cluster that is still settling (a node just lost) its Company may answer late:
                    // the node serves on, and the run resumes when its Company gets the message or is woken.
                    session.system().log().warn("run {} not resumed yet: {}", run.runId(), e.getMessage());
                }
            }
        }
        return resumed;
    }

    public Company.Status status(String runId) {
        return company.status(runId);
    }

    @Override
    public void close() {
        summaries.shutdownNow();
        company.close();
    }
}
