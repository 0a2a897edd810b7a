package dev.softwarefactory.llmgateway.gateway;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import dev.softwarefactory.llmgateway.ClusterSerializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model backend, a sharded entity so that its limits are counted in one place for the whole
 * cluster. It grants permits (concurrency, requests and tokens per minute, cooldown) and learns
 * each call's outcome; the HTTP call itself runs at the caller, outside the actor.
 */
public final class LlmBackend extends AbstractBehavior<LlmBackend.Command> {
    public static final String DEFAULT_TYPE_NAME = "LlmBackend";
    private static final double LATENCY_WEIGHT = 0.2;
    private static final Duration LEASE_CHECK = Duration.ofSeconds(5);

    public static EntityTypeKey<Command> typeKey(String name) {
        return EntityTypeKey.create(Command.class, name);
    }

    public sealed interface Command extends ClusterSerializable {
    }

    /**
     * Asks for a permit; answered with {@link Granted} as soon as every limit allows. Asked again under
     * the same request id (the caller heard nothing: the message or the grant was lost with a node), it
     * keeps its place in the queue, or is granted its permit again: one permit per request id.
     */
    public record Acquire(String requestId, long estimatedTokens, ActorRef<Granted> replyTo) implements Command {
    }

    /** Ends a permit (or a wait for one): how the call went, how long it took, the tokens it used and their cost. */
    public record Release(String requestId, Outcome outcome, long latencyMillis, long tokens, double costUsd,
            long retryAfterMillis) implements Command {
    }

    public record GetLoad(ActorRef<Load> replyTo) implements Command {
    }

    public record GetStatus(ActorRef<Status> replyTo) implements Command {
    }

    /** Wakes the actor when a time-based limit (pacing, tokens, cooldown, leases) may have lifted. */
    public record Wake() implements Command {
    }

    /** A permit; {@code backend} is the entity itself, so callers can skip the shard region next time. */
    public record Granted(String requestId, Load load, ActorRef<Command> backend) implements ClusterSerializable {
    }

    /** The backend's state as routing needs it. */
    public record Load(String backend, int inFlight, int queued, int capacity, double latencyMillis,
            long coolingForMillis) implements ClusterSerializable {
        public int busy() {
            return inFlight + queued;
        }
    }

    /**
     * The backend as an operator sees it: its limits (0: none), what is in flight and queued, when its
     * cooldown ends, its latency average, and the calls, tokens and cost since its entity started.
     */
    public record Status(String backend, List<String> models, int inFlight, int queued, int maxConcurrency, int rpm,
            long tpm, Optional<Instant> coolingUntil, double latencyMillis, long calls, long failedCalls,
            long tokens, double costUsd) implements ClusterSerializable {
    }

    public enum Outcome {
        SUCCEEDED,
        /** Retryable: counts towards the backend's cooldown. */
        FAILED,
        /** Refused for the request's own sake (bad request, context too long): says nothing about the backend. */
        REFUSED,
        /** Given up before or without a call. */
        CANCELLED
    }

    private record Lease(long deadline, long estimatedTokens) {
    }

    private final BackendSettings settings;
    private final RetrySettings retry;
    private final TimerScheduler<Command> timers;
    private final long leaseNanos;
    /** Waiting requests by id, in the order they first asked. */
    private final LinkedHashMap<String, Acquire> queue = new LinkedHashMap<>();
    private final Map<String, Lease> inFlight = new HashMap<>();
    private final RequestPacer pacer;
    private final TokenBucket tokens;
    private double latencyMillis;
    private int consecutiveFailures;
    private long coolingUntil;
    private final CallTally tally = new CallTally();

    public static Behavior<Command> create(BackendSettings settings, RetrySettings retry) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay("leases", new Wake(), LEASE_CHECK);
            return new LlmBackend(context, timers, settings, retry);
        }));
    }

    private LlmBackend(ActorContext<Command> context, TimerScheduler<Command> timers, BackendSettings settings,
            RetrySettings retry) {
        super(context);
        this.timers = timers;
        this.settings = settings;
        this.retry = retry;
        // A caller that vanished (node crash) never releases: its permit lapses after the longest call.
        this.leaseNanos = retry.requestTimeout().plusSeconds(30).toNanos();
        this.pacer = new RequestPacer(settings.rpm());
        this.tokens = new TokenBucket(settings.tpm());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Acquire.class, this::onAcquire)
                .onMessage(Release.class, this::onRelease)
                .onMessage(GetLoad.class, this::onGetLoad)
                .onMessage(GetStatus.class, this::onGetStatus)
                .onMessage(Wake.class, this::onWake)
                .build();
    }

    private Behavior<Command> onAcquire(Acquire acquire) {
        if (inFlight.containsKey(acquire.requestId())) {
            acquire.replyTo().tell(new Granted(acquire.requestId(), load(System.nanoTime()), getContext().getSelf()));
            return this;
        }
        queue.put(acquire.requestId(), acquire);
        grant();
        return this;
    }

    private Behavior<Command> onRelease(Release release) {
        long now = System.nanoTime();
        Lease lease = inFlight.remove(release.requestId());
        if (lease == null) {
            queue.remove(release.requestId());
        } else {
            learn(release, lease, now);
        }
        grant();
        return this;
    }

    private void learn(Release release, Lease lease, long now) {
        tally.add(release);
        if (release.outcome() == Outcome.SUCCEEDED) {
            consecutiveFailures = 0;
            latencyMillis = latencyMillis == 0 ? release.latencyMillis()
                    : latencyMillis + LATENCY_WEIGHT * (release.latencyMillis() - latencyMillis);
            tokens.take(now, release.tokens() - lease.estimatedTokens());
        } else if (release.outcome() == Outcome.FAILED && ++consecutiveFailures >= retry.cooldownAfterFailures()) {
            long rest = Math.max(retry.cooldown().toNanos(), Duration.ofMillis(release.retryAfterMillis()).toNanos());
            coolingUntil = now + rest;
            consecutiveFailures = 0;
            getContext().getLog().warn("backend {} cools down for {} ms after {} failed calls", settings.name(),
                    rest / 1_000_000, retry.cooldownAfterFailures());
        }
    }

    private Behavior<Command> onGetLoad(GetLoad get) {
        get.replyTo().tell(load(System.nanoTime()));
        return this;
    }

    private Behavior<Command> onGetStatus(GetStatus get) {
        long cooling = coolingUntil - System.nanoTime();
        get.replyTo().tell(new Status(settings.name(), settings.models(), inFlight.size(), queue.size(),
                settings.maxConcurrency(), settings.rpm(), settings.tpm(),
                cooling > 0 ? Optional.of(Instant.now().plusNanos(cooling)) : Optional.empty(), latencyMillis,
                tally.calls(), tally.failedCalls(), tally.tokens(), tally.costUsd()));
        return this;
    }

    private Behavior<Command> onWake(Wake wake) {
        long now = System.nanoTime();
        Iterator<Map.Entry<String, Lease>> leases = inFlight.entrySet().iterator();
        while (leases.hasNext()) {
            if (leases.next().getValue().deadline() < now) {
                leases.remove();
            }
        }
        grant();
        return this;
    }

    /** Grants permits to waiting callers, in order, while every limit allows; else sets a wake-up. */
    private void grant() {
        while (!queue.isEmpty() && inFlight.size() < settings.maxConcurrency()) {
            long now = System.nanoTime();
            long wait = Math.max(Math.max(coolingUntil - now, 0), Math.max(pacer.waitNanos(now), tokens.waitNanos(now)));
            if (wait > 0) {
                timers.startSingleTimer("wake", new Wake(), Duration.ofNanos(wait));
                return;
            }
            Iterator<Acquire> first = queue.values().iterator();
            Acquire next = first.next();
            first.remove();
            pacer.take(now);
            tokens.take(now, next.estimatedTokens());
            inFlight.put(next.requestId(), new Lease(now + leaseNanos, next.estimatedTokens()));
            next.replyTo().tell(new Granted(next.requestId(), load(now), getContext().getSelf()));
        }
    }

    private Load load(long now) {
        return new Load(settings.name(), inFlight.size(), queue.size(), settings.maxConcurrency(), latencyMillis,
                Math.max(0, (coolingUntil - now) / 1_000_000));
    }
}
