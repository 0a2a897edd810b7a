package dev.softwarefactory.runtime;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.RecoveryFailed;
import akka.persistence.typed.SnapshotAdapter;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EffectBuilder;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of the company: owns the run's message log, publishes each logged message on the topic of
 * its type, and decides when the run ends and why.
 */
public final class Company extends EventSourcedBehavior<Company.Command, Company.Event, Company.State> {
    public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "Company");

    public sealed interface Command extends JsonSerializable {
    }

    /** An ended run's Company leaves memory; the journal holds it, and the next question wakes it. */
    enum Unload implements Command {
        INSTANCE
    }

    public record Start(RunConfig config, ActorRef<Done> replyTo) implements Command {
    }

    /**
     * Wakes the roles of an unfinished run (after a node restart or loss). The first Resume of a Company
     * incarnation that has not started or resumed its run records RunResumed; later ones only wake the roles.
     */
    public record Resume(ActorRef<Status> replyTo) implements Command {
    }

    public record Publish(String role, long invocation, String action, List<Message> messages, Usage usage,
            ActorRef<PublishAck> replyTo) implements Command {
    }

    public record ReportFailure(String role, String action, String reason) implements Command {
    }

    /** Log entries of these types after a seq; {@code idle} says the asking role has nothing else to do. */
    public record ReadLog(String role, Set<String> types, long afterSeq, boolean idle, ActorRef<LogSlice> replyTo)
            implements Command {
    }

    public record GetStatus(ActorRef<Status> replyTo) implements Command {
    }

    /** Ends an open run as CANCELLED: its roles stop and nothing they still publish is accounted. */
    public record Cancel(String reason, ActorRef<Status> replyTo) implements Command {
    }

    /** What the run was started with; unanswered before the run has started. */
    public record GetConfig(ActorRef<RunConfig> replyTo) implements Command {
    }

    /** Asked before each live model call: may the run still spend? */
    public record AdmitModelCall(String role, long invocation, String action, ActorRef<Admission> replyTo)
            implements Command {
    }

    /**
     * A model call an action made, once its answer is recorded: the run's usage counts it at once,
     * whether the answer is then accepted and whether the action succeeds. Idempotent per key.
     */
    public record AccountModelCall(String role, long invocation, String key, Usage usage) implements Command {
    }

    public record Admission(boolean admitted, String reason) implements JsonSerializable {
    }

    public record PublishAck(boolean runOpen) implements JsonSerializable {
    }

    public record LogSlice(List<LoggedMessage> entries, long head, boolean runOpen) implements JsonSerializable {
    }

    public record Status(String runId, boolean exists, Outcome outcome, String reason, long startedAt,
            long endedAt, int rounds, long head, Usage usage) implements JsonSerializable {
    }

    public sealed interface Event extends JsonSerializable {
    }

    public record RunStarted(String runId, RunConfig config, long startedAt) implements Event {
    }

    public record MessagePublished(LoggedMessage entry) implements Event {
    }

    /** An action's outputs were published; {@code usage} is NONE since model calls are accounted one by one. */
    public record ActionAccounted(String role, long invocation, String action, Usage usage) implements Event {
    }

    public record ModelCallAccounted(String role, long invocation, String key, Usage usage) implements Event {
    }

    public record RunEnded(Outcome outcome, String reason, long endedAt) implements Event {
    }

    /** A node took up the unfinished run again; the time since its last event the run was not worked on. */
    public record RunResumed(long resumedAt) implements Event {
    }

    /** Mutable, owned by this entity alone and never handed out. */
    public static final class State {
        RunConfig config;
        long startedAt;
        final RunLog log = new RunLog();
        final Set<String> accounted = new HashSet<>();
        final Set<String> calls = new HashSet<>();
        Usage usage = Usage.NONE;
        int rounds;
        Outcome outcome = Outcome.RUNNING;
        String reason = "";
        long endedAt;
        /** Events applied since the first; null when a snapshot older than this count was the start. */
        Long applied = 0L;

        boolean started() {
            return config != null;
        }

        boolean open() {
            return started() && outcome == Outcome.RUNNING;
        }

        long head() {
            return log.head();
        }
    }

    /**
     * The state as a snapshot stores it: State itself is mutable and must not be serialized while it changes.
     * {@code calls} is null in snapshots written before model calls were accounted one by one.
     */
    public record Snapshot(RunConfig config, long startedAt, List<LoggedMessage> log, Set<String> accounted,
            Set<String> calls, Usage usage, int rounds, Outcome outcome, String reason, long endedAt, Long applied)
            implements JsonSerializable {
    }

    private final String runId;
    private final ActorContext<Command> context;
    private final RunBroadcast broadcast;
    private final EndOfRun endOfRun;
    private final Duration catchUpCheck;
    private final Duration endedLinger;
    /**
     * Transient: this incarnation started or resumed the run and woke its roles. Every node that sees a
     * node leave or starts asks an open run to resume; only the first ask after the Company came back
     * is a resume (the downtime accounting reads one RunResumed per recovery).
     */
    private boolean awake;

    public static Behavior<Command> create(String runId, Sop sop) {
        return Behaviors.setup(ctx -> new Company(ctx, runId, sop));
    }

    private Company(ActorContext<Command> context, String runId, Sop sop) {
        super(PersistenceId.of("Company", runId));
        this.context = context;
        this.runId = runId;
        this.broadcast = new RunBroadcast(context, runId);
        this.endOfRun = new EndOfRun(sop);
        this.catchUpCheck = context.getSystem().settings().config().getDuration("software-factory.catch-up-check");
        this.endedLinger = context.getSystem().settings().config().getDuration("software-factory.ended-run-linger");
    }

    public static String tag(String runId) {
        return "run-" + runId;
    }

    /** The run's topic: every logged message in order, so that a subscriber can tell when it missed one. */
    public static String topicName(String runId) {
        return "run-" + runId;
    }

    @Override
    public State emptyState() {
        return new State();
    }

    @Override
    public Set<String> tagsFor(Event event) {
        return Set.of(tag(runId));
    }

    /** Snapshots keep recovery short in long runs. */
    @Override
    public RetentionCriteria retentionCriteria() {
        return Snapshots.retention(context.getSystem());
    }

    @Override
    public SnapshotAdapter<State> snapshotAdapter() {
        return Snapshots.adapter(CompanySnapshots::of, CompanySnapshots::state, Snapshot.class);
    }

    /** A run whose own log lost events cannot go on: it ends saying so (its roles' logs are checked by them). */
    @Override
    public SignalHandler<State> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> {
                    JournalGap.of(state.applied, lastSequenceNumber(context)).filter(gap -> state.open())
                            .ifPresent(gap -> context.getSelf().tell(new Conclude(Outcome.FAILED,
                                    "the Company's log cannot be trusted: " + gap)));
                    if (state.started() && !state.open()) {
                        unloadLater();
                    }
                })
                .onSignal(RecoveryFailed.class, (state, failed) -> context.getLog().error(
                        "the Company of run {} cannot recover: {}", runId, failed.getFailure().toString()))
                .build();
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Start.class, this::onStart)
                .onCommand(Resume.class, this::onResume)
                .onCommand(Publish.class, this::onPublish)
                .onCommand(ReportFailure.class, this::onFailure)
                .onCommand(ReadLog.class, this::onReadLog)
                .onCommand(CheckDelivery.class, this::onCheckDelivery)
                .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), status(state)))
                .onCommand(Cancel.class, (state, cmd) -> state.open()
                        ? end(Outcome.CANCELLED, cmd.reason()).thenReply(cmd.replyTo(), this::status)
                        : Effect().reply(cmd.replyTo(), status(state)))
                .onCommand(GetConfig.class, (state, cmd) -> state.started() ? Effect().reply(cmd.replyTo(),
                        state.config) : Effect().none())
                .onCommand(AdmitModelCall.class, this::onAdmit)
                .onCommand(AccountModelCall.class, this::onAccountCall)
                .onCommand(Conclude.class, (state, cmd) -> state.open() ? end(cmd.outcome(), cmd.reason())
                        : Effect().none())
                .onCommand(Unload.class, (state, cmd) -> state.open() ? Effect().none() : Effect().stop())
                .build();
    }

    private Effect<Event, State> onStart(State state, Start cmd) {
        if (state.started()) {
            return Effect().reply(cmd.replyTo(), Done.getInstance());
        }
        String requirement = cmd.config().requirement();
        Message first = new Message(runId + "/requirement", runId, Message.REQUIREMENT, "User", List.of(), null,
                requirement);
        return Effect()
                .persist(List.of(new RunStarted(runId, cmd.config(), System.currentTimeMillis()),
                        new MessagePublished(new LoggedMessage(1, first))))
                .thenRun(s -> {
                    awake = true;
                    wakeRoles(s);
                    broadcast.publish(s.log.last());
                })
                .thenReply(cmd.replyTo(), s -> Done.getInstance());
    }

    private Effect<Event, State> onResume(State state, Resume cmd) {
        if (!state.open()) {
            return Effect().reply(cmd.replyTo(), status(state));
        }
        if (awake) {
            // Roles that lived on a lost node start again elsewhere only when told something.
            return Effect().none().thenRun(this::wakeRoles).thenReply(cmd.replyTo(), this::status);
        }
        return Effect().persist(new RunResumed(System.currentTimeMillis())).thenRun(s -> {
            awake = true;
            wakeRoles(s);
        }).thenReply(cmd.replyTo(), this::status);
    }

    private Effect<Event, State> onPublish(State state, Publish cmd) {
        String invocationKey = cmd.role() + "#" + cmd.invocation();
        if (!state.open() || state.accounted.contains(invocationKey)) {
            return Effect().reply(cmd.replyTo(), new PublishAck(state.open()));
        }
        List<Event> events = new ArrayList<>();
        long seq = state.head();
        for (Message message : cmd.messages()) {
            events.add(new MessagePublished(new LoggedMessage(++seq, message)));
        }
        events.add(new ActionAccounted(cmd.role(), cmd.invocation(), cmd.action(), cmd.usage()));
        long before = state.head();
        return Effect().persist(events)
                .thenRun(s -> {
                    s.log.after(before).forEach(broadcast::publish);
                    context.scheduleOnce(catchUpCheck, context.getSelf(), new CheckDelivery(s.head()));
                    endOfRun.afterPublished(s, s.log.after(before)).ifPresent(context.getSelf()::tell);
                })
                .thenReply(cmd.replyTo(), s -> new PublishAck(s.open()));
    }

    private Effect<Event, State> onAdmit(State state, AdmitModelCall cmd) {
        if (!state.open()) {
            return Effect().reply(cmd.replyTo(), new Admission(false, "the run has ended"));
        }
        var refusal = endOfRun.refusal(state, cmd.role(), cmd.action());
        if (refusal.isEmpty()) {
            return Effect().reply(cmd.replyTo(), new Admission(true, ""));
        }
        return end(Outcome.FAILED, refusal.get()).thenReply(cmd.replyTo(), s -> new Admission(false, refusal.get()));
    }

    /** A call made is paid for even when the run ended while it was under way, so it is counted then too. */
    private Effect<Event, State> onAccountCall(State state, AccountModelCall cmd) {
        if (!state.started() || state.calls.contains(CompanyEvents.callKey(cmd.role(), cmd.invocation(), cmd.key()))) {
            return Effect().none();
        }
        return Effect().persist(new ModelCallAccounted(cmd.role(), cmd.invocation(), cmd.key(), cmd.usage()));
    }

    private Effect<Event, State> onFailure(State state, ReportFailure cmd) {
        if (!state.open()) {
            return Effect().none();
        }
        return end(Outcome.FAILED, cmd.role() + "'s " + cmd.action() + " failed: " + cmd.reason());
    }

    private Effect<Event, State> onReadLog(State state, ReadLog cmd) {
        List<LoggedMessage> entries = state.log.after(cmd.afterSeq(), cmd.types());
        cmd.replyTo().tell(new LogSlice(entries, state.head(), state.open()));
        if (cmd.idle() && entries.isEmpty() && state.open()) {
            var noWork = endOfRun.idle(state, cmd.role(), cmd.types());
            if (noWork.isPresent()) {
                return end(Outcome.FAILED, noWork.get());
            }
        }
        return Effect().none();
    }

    /**
     * Asks the roles to check they were delivered everything up to {@code head}: a lost topic message
     * shows as a gap when a later one arrives, but nothing follows a lost last message.
     */
    private Effect<Event, State> onCheckDelivery(State state, CheckDelivery cmd) {
        if (state.open() && cmd.head() == state.head()) {
            broadcast.toRoles(state.config.roles(), new RoleActor.Expect(cmd.head()));
        }
        return Effect().none();
    }

    private EffectBuilder<Event, State> end(Outcome outcome, String reason) {
        return Effect().persist(new RunEnded(outcome, reason, System.currentTimeMillis())).thenRun(s -> {
            broadcast.toRoles(s.config.roles(), RoleActor.RunClosed.INSTANCE);
            unloadLater();
        });
    }

    /** Sharding passivates nothing here (a role's action may run long), so an ended Company stops itself. */
    private void unloadLater() {
        context.scheduleOnce(endedLinger, context.getSelf(), Unload.INSTANCE);
    }

    private record CheckDelivery(long head) implements Command {
    }

    /** Ends the run once a published batch showed it is due; a command so the end is persisted in order. */
    record Conclude(Outcome outcome, String reason) implements Command {
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return CompanyEvents.handler();
    }

    private Status status(State state) {
        return new Status(runId, state.started(), state.outcome, state.reason, state.startedAt, state.endedAt,
                state.rounds, state.head(), state.usage);
    }

    private void wakeRoles(State state) {
        broadcast.toRoles(state.config.roles(), RoleActor.Wake.INSTANCE);
    }
}
