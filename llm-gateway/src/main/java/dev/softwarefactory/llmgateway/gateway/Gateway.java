package dev.softwarefactory.llmgateway.gateway;

import akka.actor.Cancellable;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.ClusterShardingSettings;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import com.typesafe.config.Config;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.NodeRoles;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The model gateway: an {@link LlmClient} that routes each request to a backend of its alias,
 * within that backend's cluster-wide limits, and retries, fails over and rests backends. Start one
 * per actor system (a node of a cluster); every node must configure the same backends.
 */
public final class Gateway implements LlmClient {
    /**
     * Runs an ask's callback on the thread that completes it. Akka's asks return Scala-converted
     * futures whose plain whenComplete/thenAccept hop to the common pool, which on a machine with
     * two cores starts a new thread per task; this costs no hop at all.
     */
    static final Executor SAME_THREAD = Runnable::run;
    private static final Duration LOAD_REFRESH = Duration.ofMillis(500);
    private final ActorSystem<?> system;
    private final GatewaySettings settings;
    private final DirectRoutes routes;
    private final LoadBoard board;
    private final Router router;
    private final OpenAiHttp http;
    private final String idPrefix = UUID.randomUUID() + "-";
    private final AtomicLong ids = new AtomicLong();
    private final Cancellable refresh;
    private final AdmissionTimes admissionTimes = new AdmissionTimes();
    private final Duration callResend;
    private final EntityTypeKey<CallKeeper.Command> calls;

    private Gateway(ActorSystem<?> system, GatewaySettings settings, EntityTypeKey<LlmBackend.Command> key,
            String callsTypeName) {
        this.system = system;
        this.settings = settings;
        ClusterSharding sharding = ClusterSharding.get(system);
        // No passivation: an idle entity stopped mid-call would forget the permits it granted.
        sharding.init(NodeRoles.place(system, Entity.of(key, entity -> {
            BackendSettings backend = settings.backends().get(entity.getEntityId());
            if (backend == null) {
                system.log().error("no backend {} in this node's {}.backends: configure every node alike",
                        entity.getEntityId(), GatewaySettings.PATH);
                return Behaviors.empty();
            }
            return LlmBackend.create(backend, settings.retry());
        }).withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy()), NodeRoles.GATEWAY));
        Config config = system.settings().config().getConfig(GatewaySettings.PATH);
        Duration keepRepliesFor = config.getDuration("keep-replies-for");
        this.callResend = config.getDuration("call-resend-interval");
        this.calls = keepRepliesFor.isZero() ? null : CallKeeper.typeKey(callsTypeName);
        if (calls != null) {
            sharding.init(NodeRoles.place(system,
                    Entity.of(calls, entity -> CallKeeper.create(this::complete, keepRepliesFor)), NodeRoles.GATEWAY));
        }
        Map<String, EntityRef<LlmBackend.Command>> sharded = new HashMap<>();
        settings.backends().keySet().forEach(name -> sharded.put(name, sharding.entityRefFor(key, name)));
        this.routes = new DirectRoutes(system, sharded, key.name() + "-routes-" + UUID.randomUUID());
        this.board = new LoadBoard(settings.backends());
        this.router = new Router(board, settings.retry().affinityMargin());
        this.http = new OpenAiHttp(settings.retry().connectTimeout(), settings.retry().requestTimeout());
        this.refresh = system.scheduler().scheduleWithFixedDelay(LOAD_REFRESH, LOAD_REFRESH, this::refreshLoads,
                system.executionContext());
    }

    public static Gateway start(ActorSystem<?> system, GatewaySettings settings) {
        return start(system, settings, LlmBackend.DEFAULT_TYPE_NAME);
    }

    /** With its own entity type name, so that tests can start several gateways in one actor system. */
    public static Gateway start(ActorSystem<?> system, GatewaySettings settings, String entityTypeName) {
        return start(system, settings, entityTypeName, entityTypeName);
    }

    /**
     * With the entity type of its backends and that of its kept calls named. Sharding keeps the first
     * factory registered for a type on a node, so gateways that differ in their backends need backend
     * types of their own, and gateways that differ in anything (a role's alias, say) calls types of their
     * own: a kept call is made by the gateway whose factory made its keeper. Names must be the same on
     * every node for the same gateway.
     */
    public static Gateway start(ActorSystem<?> system, GatewaySettings settings, String backendTypeName,
            String callsTypeName) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("no backends in " + GatewaySettings.PATH + ".backends");
        }
        return new Gateway(system, settings, LlmBackend.typeKey(backendTypeName), callsTypeName);
    }

    /**
     * This gateway for a run's effects: each call is made by the sharded {@link CallKeeper} of its
     * effect key, which keeps the reply for {@code keep-replies-for}, so a role resumed on another
     * node after its own died mid-call receives that reply instead of calling again.
     */
    public LlmClient keepingReplies() {
        return calls == null ? this : new KeepingReplies();
    }

    /** The gateway a client of a run calls through, for the routes that serve or show it. */
    public static Optional<Gateway> of(LlmClient client) {
        if (client instanceof Gateway gateway) {
            return Optional.of(gateway);
        }
        return client instanceof KeepingReplies keeping ? Optional.of(keeping.gateway()) : Optional.empty();
    }

    /** This gateway's calls made through the keepers of their effect keys. */
    private final class KeepingReplies implements LlmClient {
        Gateway gateway() {
            return Gateway.this;
        }

        @Override
        public CompletionStage<LlmReply> complete(LlmRequest request) {
            return new KeptCall(system, ClusterSharding.get(system).entityRefFor(calls,
                    CallKeeper.entityId(request)), request, callResend).reply();
        }

        @Override
        public String describe() {
            return Gateway.this.describe();
        }
    }

    @Override
    public CompletionStage<LlmReply> complete(LlmRequest request) {
        CompletableFuture<LlmReply> reply = new CompletableFuture<>();
        try {
            new RequestAttempts(this, request, settings.targetsFor(request.alias(), request.role()), reply).next();
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    @Override
    public String describe() {
        return "model gateway (" + settings.aliases().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue().stream().map(t -> t.backend() + "/" + t.model())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")) + ")";
    }

    /** The alias names, sorted: what the OpenAI-compatible endpoint offers as models. */
    public List<String> aliases() {
        return settings.aliases().keySet().stream().sorted().toList();
    }

    /** Every backend's status, by name; a backend that does not answer within the timeout fails the whole. */
    public CompletionStage<List<LlmBackend.Status>> status(Duration timeout) {
        List<CompletableFuture<LlmBackend.Status>> asks = settings.backendList().stream()
                .map(b -> AskPattern.<LlmBackend.Command, LlmBackend.Status>ask(routes.to(b.name()),
                        LlmBackend.GetStatus::new, timeout, system.scheduler()).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
                .thenApply(done -> asks.stream().map(CompletableFuture::join).toList());
    }

    /** The gateway's own time per request, for benches and a node's metrics. */
    public AdmissionTimes admissionTimes() {
        return admissionTimes;
    }

    /** Stops the load refresh; the backends' entities stop with the actor system. */
    public void close() {
        refresh.cancel();
    }

    GatewaySettings settings() {
        return settings;
    }

    DirectRoutes routes() {
        return routes;
    }

    LoadBoard board() {
        return board;
    }

    Router router() {
        return router;
    }

    OpenAiHttp http() {
        return http;
    }

    /** How long a caller waits for an answer that may have been lost with a node before asking again. */
    Duration callResend() {
        return callResend;
    }

    ActorSystem<?> system() {
        return system;
    }

    String nextRequestId() {
        return idPrefix + ids.incrementAndGet();
    }

    /** Asks a backend for its load now, e.g. after a failure that may have started its cooldown. */
    void observeLoad(String backend) {
        AskPattern.<LlmBackend.Command, LlmBackend.Load>ask(routes.to(backend), LlmBackend.GetLoad::new, LOAD_REFRESH,
                system.scheduler()).thenAcceptAsync(board::observed, SAME_THREAD);
    }

    private void refreshLoads() {
        settings.backends().keySet().forEach(this::observeLoad);
    }
}
