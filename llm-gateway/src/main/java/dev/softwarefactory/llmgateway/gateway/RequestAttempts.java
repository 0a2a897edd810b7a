package dev.softwarefactory.llmgateway.gateway;

import akka.actor.typed.ActorRef;
import akka.actor.typed.RecipientRef;
import akka.actor.typed.javadsl.AskPattern;
import dev.softwarefactory.llmgateway.LlmFailure;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * One request's way through the gateway: pick a backend, get a permit, call, release; on a
 * retryable failure try again (another backend at once if one is free, else the same after backoff
 * or Retry-After) until the retry budget is spent. Steps run one after another, never at once.
 */
final class RequestAttempts {
    private final Gateway gateway;
    private final LlmRequest request;
    private final List<Target> targets;
    private final CompletableFuture<LlmReply> reply;
    private final String affinityKey;
    private final String callKey;
    private final long estimatedTokens;
    private final long started = System.nanoTime();
    private final Map<String, Long> notBefore = new HashMap<>();
    private int attempts;
    private String lastFailure = "";

    RequestAttempts(Gateway gateway, LlmRequest request, List<Target> targets, CompletableFuture<LlmReply> reply) {
        this.gateway = gateway;
        this.request = request;
        this.targets = targets;
        this.reply = reply;
        this.affinityKey = request.runId() + "/" + request.role();
        this.callKey = request.runId() == null ? "" : CallKeeper.entityId(request);
        this.estimatedTokens = request.messages().stream().mapToLong(m -> (m.content().length() + 3) / 4).sum();
    }

    void next() {
        RetrySettings retry = gateway.settings().retry();
        if (attempts >= retry.maxAttempts()) {
            reply.completeExceptionally(new LlmFailure("model call gave up after " + attempts
                    + " attempts (retry budget); last failure: " + lastFailure, true));
            return;
        }
        long now = System.nanoTime();
        Router.Choice choice = gateway.router().choose(targets, affinityKey, notBefore, now);
        if (choice.waitNanos() > 0) {
            gateway.system().scheduler().scheduleOnce(Duration.ofNanos(choice.waitNanos()), this::next,
                    gateway.system().executionContext());
            return;
        }
        attempts++;
        acquire(choice.target());
    }

    private void acquire(Target target) {
        String id = gateway.nextRequestId();
        RecipientRef<LlmBackend.Command> backend = gateway.routes().to(target.backend());
        Duration timeout = gateway.settings().retry().requestTimeout();
        gateway.board().started(target.backend());
        CompletableFuture<LlmBackend.Granted> permit = new CompletableFuture<>();
        askPermit(backend, id, permit, System.nanoTime() + timeout.toNanos());
        if (backend instanceof ActorRef<LlmBackend.Command> entity) {
            // Its node may die with our request: then ask again through sharding, which restarts it elsewhere.
            gateway.routes().failIfLost(entity, permit);
        }
        permit.whenCompleteAsync((granted, failure) -> {
                    if (failure != null) {
                        gateway.board().ended(target.backend());
                        backend.tell(new LlmBackend.Release(id, LlmBackend.Outcome.CANCELLED, 0, 0, 0, 0));
                        retryLater(target, "no permit from backend " + target.backend() + ": "
                                + (failure instanceof LlmFailure lost ? lost.getMessage()
                                        : "none within " + timeout.toSeconds() + " s"), Duration.ZERO);
                    } else {
                        gateway.board().observed(granted.load());
                        gateway.routes().learned(target.backend(), granted.backend());
                        call(target, id, granted.backend());
                    }
                }, Gateway.SAME_THREAD);
    }

    /**
     * Asks for the permit, and asks again under the same id after each quiet resend interval until the
     * deadline: an Acquire sent through sharding to a node that just died is lost without a word, and
     * the backend, restarted elsewhere, would otherwise be waited for until the request timeout.
     */
    private void askPermit(RecipientRef<LlmBackend.Command> backend, String id,
            CompletableFuture<LlmBackend.Granted> permit, long deadline) {
        long left = deadline - System.nanoTime();
        Duration wait = Duration.ofNanos(Math.max(1, Math.min(left, gateway.callResend().toNanos())));
        AskPattern.<LlmBackend.Command, LlmBackend.Granted>ask(backend,
                        replyTo -> new LlmBackend.Acquire(id, estimatedTokens, replyTo), wait,
                        gateway.system().scheduler())
                .whenCompleteAsync((granted, error) -> {
                    Throwable failure = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (failure == null) {
                        permit.complete(granted);
                    } else if (failure instanceof TimeoutException && System.nanoTime() < deadline
                            && !permit.isDone() && !gateway.system().whenTerminated().isCompleted()) {
                        askPermit(backend, id, permit, deadline);
                    } else {
                        permit.completeExceptionally(failure);
                    }
                }, Gateway.SAME_THREAD);
    }

    private void call(Target target, String id, ActorRef<LlmBackend.Command> backend) {
        BackendSettings settings = gateway.settings().backends().get(target.backend());
        long callStart = System.nanoTime();
        if (attempts == 1) {
            gateway.admissionTimes().record(callStart - started);
        }
        gateway.http().chat(settings, target.model(), request.messages(), callKey).whenComplete((completion, error) -> {
            long latencyMillis = (System.nanoTime() - callStart) / 1_000_000;
            gateway.board().ended(target.backend());
            if (error == null) {
                double cost = settings.costUsd(completion.inputTokens(), completion.outputTokens());
                backend.tell(new LlmBackend.Release(id, LlmBackend.Outcome.SUCCEEDED, latencyMillis,
                        completion.inputTokens() + completion.outputTokens(), cost, 0));
                reply.complete(new LlmReply(completion.text(), completion.inputTokens(), completion.outputTokens(),
                        cost, target.backend(), target.model(), (System.nanoTime() - started) / 1_000_000));
                return;
            }
            CallFailure failure = callFailure(error);
            Duration retryAfter = failure.retryAfter().orElse(Duration.ZERO);
            backend.tell(new LlmBackend.Release(id, failure.retryable() ? LlmBackend.Outcome.FAILED
                    : LlmBackend.Outcome.REFUSED, latencyMillis, 0, 0, retryAfter.toMillis()));
            String reason = "backend " + target.backend() + " (model " + target.model() + "): " + failure.getMessage();
            if (failure.retryable()) {
                gateway.observeLoad(target.backend());
                retryLater(target, reason, retryAfter);
            } else {
                reply.completeExceptionally(new LlmFailure("model call failed, not retryable: " + reason, false));
            }
        });
    }

    private void retryLater(Target target, String reason, Duration retryAfter) {
        lastFailure = reason;
        notBefore.put(target.backend(), System.nanoTime()
                + Backoff.nanos(gateway.settings().retry(), attempts, retryAfter));
        next();
    }

    private static CallFailure callFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof CallFailure failure ? failure
                : CallFailure.retryable("unexpected failure: " + cause);
    }
}
