package dev.softwarefactory.runtime;

import akka.actor.NoSerializationVerificationNeeded;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.pubsub.Topic;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.RecoveryFailed;
import akka.persistence.typed.SnapshotAdapter;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One role in one run. Observes the message types it watches (topic, and catch-up from the run log),
 * persists what it observed, runs one action at a time with durable effects, and hands the action's
 * messages to the Company until acknowledged. A crash at any point resumes from the journal.
 */
public final class RoleActor extends EventSourcedBehavior<RoleActor.Command, RoleActor.Event, RoleActor.State> {

    public static EntityTypeKey<Command> key(String role) {
        return EntityTypeKey.create(Command.class, "Role-" + role);
    }

    public sealed interface Command extends JsonSerializable {
    }

    /** Starts the entity (if it is not running) and makes it look at the run log. */
    public enum Wake implements Command {
        INSTANCE
    }

    /** The Company's log head after it published: a role that has not seen up to it catches up. */
    public record Expect(long head) implements Command {
    }

    /** The Company says the run has ended: finish what is in flight, start nothing new, stop. */
    public enum RunClosed implements Command {
        INSTANCE
    }

    record Delivered(LoggedMessage entry) implements Command {
    }

    record LogRead(Company.LogSlice slice) implements Command {
    }

    record AskFailed(String what) implements Command {
    }

    enum Proceed implements Command {
        INSTANCE
    }

    /** Sent by the action's thread; local only, as it carries the future the action waits on. */
    record RecordEffect(long invocation, String key, EffectResult result, CompletableFuture<EffectResult> persisted)
            implements Command, NoSerializationVerificationNeeded {
    }

    /** Like RecordEffect, for an effect served from the run this one reruns or forks. */
    record ReplayEffect(long invocation, String key, EffectResult result, String sourceRun, long sourceStep,
            CompletableFuture<EffectResult> persisted) implements Command, NoSerializationVerificationNeeded {
    }

    record ActionFinished(long invocation, List<Draft> drafts) implements Command {
    }

    record ActionCrashed(long invocation, String reason) implements Command {
    }

    record Published(long invocation, boolean runOpen) implements Command {
    }

    public sealed interface Event extends JsonSerializable {
    }

    public record MessageObserved(LoggedMessage entry) implements Event {
    }

    public record ActionStarted(long invocation, String action, List<String> inputIds) implements Event {
    }

    public record EffectRecorded(long invocation, String key, EffectResult result) implements Event {
    }

    /** An effect served from run {@code sourceRun}'s step {@code sourceStep}, not executed. */
    public record EffectReplayed(long invocation, String key, EffectResult result, String sourceRun, long sourceStep)
            implements Event {
    }

    public record ActionCompleted(long invocation, List<Message> outputs, Usage usage) implements Event {
    }

    public record OutputsDelivered(long invocation, boolean runOpen) implements Event {
    }

    public record ActionFailed(long invocation, String action, String reason) implements Event {
    }

    /** Mutable, owned by this entity alone and never handed out. */
    public static final class State {
        final List<Message> observed = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> consumed = new HashSet<>();
        final Map<String, Integer> llmCounts = new HashMap<>();
        long invocations;
        Running running;
        boolean closed;
        /** Events applied since the first; null when a snapshot older than this count was the start. */
        Long applied = 0L;

        RoleMemory memory() {
            return new RoleMemory(List.copyOf(observed), Set.copyOf(consumed));
        }
    }

    /** The state as a snapshot stores it: State itself is mutable and must not be serialized while it changes. */
    public record Snapshot(List<Message> observed, Set<String> consumed, Map<String, Integer> llmCounts,
            long invocations, RunningSnapshot running, boolean closed, Long applied) implements JsonSerializable {
    }

    /** The action under way in a snapshot; {@code outputs} and {@code usage} are null until it completed. */
    public record RunningSnapshot(long invocation, String action, List<String> inputIds,
            Map<String, EffectResult> effects, Set<String> replayed, List<Message> outputs, Usage usage)
            implements JsonSerializable {
    }

    static final class Running {
        final long invocation;
        final String action;
        final List<String> inputIds;
        final Map<String, EffectResult> effects = new LinkedHashMap<>();
        final Set<String> replayed = new HashSet<>();
        List<Message> outputs;
        Usage usage;

        Running(long invocation, String action, List<String> inputIds) {
            this.invocation = invocation;
            this.action = action;
            this.inputIds = inputIds;
        }
    }

    private final String runId;
    private final RoleDefinition role;
    private final RoleServices services;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final EntityRef<Company.Command> company;
    private final ActionRunner actions;
    /** Transient: what this incarnation has under way, so that a Proceed does not start it twice. */
    private boolean actionInFlight;
    private boolean publishing;
    private boolean runClosed;
    private final LogFollower follower;
    /** Why this incarnation's recovery showed its journal unusable; it then does nothing but stop. */
    private String unrecoverable;

    public static Behavior<Command> create(String runId, RoleDefinition role, RoleServices services) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ActorRef<LoggedMessage> inbox = ctx.messageAdapter(LoggedMessage.class, Delivered::new);
            ctx.spawn(Topic.create(LoggedMessage.class, Company.topicName(runId)), "topic").tell(Topic.subscribe(inbox));
            return new RoleActor(ctx, timers, runId, role, services);
        }));
    }

    private RoleActor(ActorContext<Command> context, TimerScheduler<Command> timers, String runId,
            RoleDefinition role, RoleServices services) {
        super(PersistenceId.of("Role-" + role.name(), runId));
        this.context = context;
        this.timers = timers;
        this.runId = runId;
        this.role = role;
        this.services = services;
        this.company = ClusterSharding.get(context.getSystem()).entityRefFor(Company.KEY, runId);
        this.actions = new ActionRunner(context, runId, role, services, company);
        this.follower = new LogFollower(context, company, role, services.askTimeout());
    }

    @Override
    public State emptyState() {
        return new State();
    }

    @Override
    public Set<String> tagsFor(Event event) {
        return Set.of(Company.tag(runId));
    }

    /** Snapshots keep recovery short in long runs. */
    @Override
    public RetentionCriteria retentionCriteria() {
        return Snapshots.retention(context.getSystem());
    }

    @Override
    public SnapshotAdapter<State> snapshotAdapter() {
        return Snapshots.adapter(RoleSnapshots::of, RoleSnapshots::state, Snapshot.class);
    }

    @Override
    public SignalHandler<State> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::onRecovered)
                .onSignal(RecoveryFailed.class, (state, failed) -> refuse("its journal cannot be replayed ("
                        + ActionRunner.reason(failed.getFailure()) + ")"))
                .build();
    }

    private void onRecovered(State state) {
        JournalGap.of(state.applied, lastSequenceNumber(context)).ifPresentOrElse(this::refuse,
                () -> context.getSelf().tell(Proceed.INSTANCE));
    }

    /** A role that cannot trust its state must not act on it (it would call the model again): the run ends. */
    private void refuse(String why) {
        unrecoverable = why;
        context.getLog().error("{} of run {} cannot recover: {}", role.name(), runId, why);
        company.tell(new Company.ReportFailure(role.name(), "recovery", why));
        actions.progress(new Progress.ActionFailed(runId, role.name(), "recovery", why));
        context.getSelf().tell(Proceed.INSTANCE);
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        var builder = newCommandHandlerBuilder();
        builder.forState(state -> unrecoverable != null).onAnyCommand(cmd -> Effect().stop());
        return builder.forAnyState()
                .onCommand(Wake.class, (state, cmd) -> {
                    follower.read(false);
                    return proceed(state);
                })
                .onCommand(Proceed.class, (state, cmd) -> proceed(state))
                .onCommand(Expect.class, (state, cmd) -> {
                    follower.expect(cmd.head());
                    return Effect().none();
                })
                .onCommand(RunClosed.class, (state, cmd) -> {
                    runClosed = true;
                    return proceed(state);
                })
                .onCommand(Delivered.class, this::onDelivered)
                .onCommand(LogRead.class, this::onLogRead)
                .onCommand(AskFailed.class, this::onAskFailed)
                .onCommand(RecordEffect.class, this::onRecordEffect)
                .onCommand(ReplayEffect.class, this::onReplayEffect)
                .onCommand(ActionFinished.class, this::onActionFinished)
                .onCommand(ActionCrashed.class, this::onActionCrashed)
                .onCommand(Published.class, this::onPublished)
                .build();
    }

    private Effect<Event, State> proceed(State state) {
        if (state.closed || runClosed) {
            // Sharding does not passivate roles (an action may run long); a role of an ended run stops itself.
            return actionInFlight ? Effect().none() : Effect().stop();
        }
        Running running = state.running;
        if (running != null) {
            if (running.outputs == null && !actionInFlight) {
                actionInFlight = true;
                actions.launch(state, running);
            } else if (running.outputs != null && !publishing) {
                publishing = true;
                actions.publish(running);
            }
            return Effect().none();
        }
        var plan = role.next(state.memory());
        if (plan.isPresent()) {
            return Effect().persist(new ActionStarted(state.invocations + 1, plan.get().action(),
                    plan.get().inputIds())).thenRun(s -> context.getSelf().tell(Proceed.INSTANCE));
        }
        if (follower.idleReportDue()) {
            follower.read(true);
        }
        return Effect().none();
    }

    /** A message of the run topic: observed if this role watches its type; a gap in the sequence makes it catch up. */
    private Effect<Event, State> onDelivered(State state, Delivered cmd) {
        follower.delivered(cmd.entry().seq());
        Message message = cmd.entry().message();
        if (!role.watches().contains(message.type()) || state.seen.contains(message.id())) {
            return Effect().none();
        }
        follower.observed();
        return Effect().persist(new MessageObserved(cmd.entry()))
                .thenRun(s -> context.getSelf().tell(Proceed.INSTANCE));
    }

    private Effect<Event, State> onLogRead(State state, LogRead cmd) {
        Company.LogSlice slice = cmd.slice();
        follower.readReturned(slice.head(), slice.entries().isEmpty());
        if (!slice.runOpen()) {
            runClosed = true;
            return proceed(state);
        }
        List<Event> news = LogFollower.unseen(state.seen, slice.entries()).stream()
                .<Event>map(MessageObserved::new).toList();
        if (news.isEmpty()) {
            return proceed(state);
        }
        follower.observed();
        return Effect().persist(news).thenRun(s -> context.getSelf().tell(Proceed.INSTANCE));
    }

    private Effect<Event, State> onAskFailed(State state, AskFailed cmd) {
        context.getLog().debug("{} of run {}: {} timed out, trying again", role.name(), runId, cmd.what());
        follower.readFailed();
        publishing = false;
        timers.startSingleTimer(Proceed.INSTANCE, services.retryInterval());
        return Effect().none();
    }

    private Effect<Event, State> onRecordEffect(State state, RecordEffect cmd) {
        return persistEffect(state, cmd.invocation(), cmd.key(), cmd.result(), cmd.persisted(),
                new EffectRecorded(cmd.invocation(), cmd.key(), cmd.result()), EffectSummary.of(cmd.result()));
    }

    private Effect<Event, State> onReplayEffect(State state, ReplayEffect cmd) {
        return persistEffect(state, cmd.invocation(), cmd.key(), cmd.result(), cmd.persisted(),
                new EffectReplayed(cmd.invocation(), cmd.key(), cmd.result(), cmd.sourceRun(), cmd.sourceStep()),
                EffectSummary.of(cmd.result()) + ", served from step " + cmd.sourceStep());
    }

    /** Persists an effect of the running invocation once, then hands its result to the waiting action. */
    private Effect<Event, State> persistEffect(State state, long invocation, String key, EffectResult result,
            CompletableFuture<EffectResult> persisted, Event event, String summary) {
        Running running = state.running;
        if (running == null || running.invocation != invocation) {
            persisted.completeExceptionally(new IllegalStateException("action invocation is over"));
            return Effect().none();
        }
        EffectResult known = running.effects.get(key);
        if (known != null) {
            persisted.complete(known);
            return Effect().none();
        }
        return Effect().persist(event).thenRun(s -> {
            persisted.complete(result);
            actions.progress(new Progress.EffectRecorded(runId, role.name(), invocation, key, summary));
        });
    }

    private Effect<Event, State> onActionFinished(State state, ActionFinished cmd) {
        Running running = state.running;
        if (running == null || running.invocation != cmd.invocation() || running.outputs != null) {
            return Effect().none();
        }
        actionInFlight = false;
        // Model calls are counted by the Company as each is recorded (RunBudget.account), not here.
        List<Message> outputs = actions.outputs(running, cmd.drafts());
        return Effect().persist(new ActionCompleted(cmd.invocation(), outputs, Usage.NONE))
                .thenRun(s -> context.getSelf().tell(Proceed.INSTANCE));
    }

    private Effect<Event, State> onActionCrashed(State state, ActionCrashed cmd) {
        Running running = state.running;
        if (running == null || running.invocation != cmd.invocation()) {
            return Effect().none();
        }
        actionInFlight = false;
        String action = running.action;
        return Effect().persist(new ActionFailed(cmd.invocation(), action, cmd.reason())).thenRun(s -> {
            company.tell(new Company.ReportFailure(role.name(), action, cmd.reason()));
            actions.progress(new Progress.ActionFailed(runId, role.name(), action, cmd.reason()));
        });
    }

    private Effect<Event, State> onPublished(State state, Published cmd) {
        publishing = false;
        Running running = state.running;
        if (running == null || running.invocation != cmd.invocation()) {
            return Effect().none();
        }
        return Effect().persist(new OutputsDelivered(cmd.invocation(), cmd.runOpen()))
                .thenRun(s -> context.getSelf().tell(Proceed.INSTANCE));
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return RoleEvents.handler();
    }
}
