package dev.softwarefactory.llmgateway.gateway;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * The caller's side of a {@link CallKeeper}: asks it for the reply and asks again after each quiet
 * interval, so that a keeper lost with its node is started again elsewhere instead of waited for.
 */
final class KeptCall {
    private final ActorSystem<?> system;
    private final EntityRef<CallKeeper.Command> keeper;
    private final LlmRequest request;
    private final Duration resend;
    private final CompletableFuture<LlmReply> reply = new CompletableFuture<>();

    KeptCall(ActorSystem<?> system, EntityRef<CallKeeper.Command> keeper, LlmRequest request, Duration resend) {
        this.system = system;
        this.keeper = keeper;
        this.request = request;
        this.resend = resend;
    }

    CompletionStage<LlmReply> reply() {
        ask();
        return reply;
    }

    private void ask() {
        keeper.<CallKeeper.Answer>ask(replyTo -> new CallKeeper.Call(request, replyTo), resend)
                .whenCompleteAsync((answer, failure) -> {
                    if (failure == null) {
                        try {
                            reply.complete(answer.replyOrThrow());
                        } catch (RuntimeException e) {
                            reply.completeExceptionally(e);
                        }
                    } else if (isTimeout(failure) && !system.whenTerminated().isCompleted()) {
                        ask();
                    } else {
                        reply.completeExceptionally(failure);
                    }
                }, Gateway.SAME_THREAD);
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof TimeoutException;
    }
}
