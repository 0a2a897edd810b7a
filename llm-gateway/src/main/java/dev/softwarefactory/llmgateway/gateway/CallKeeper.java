package dev.softwarefactory.llmgateway.gateway;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import dev.softwarefactory.llmgateway.ClusterSerializable;
import dev.softwarefactory.llmgateway.LlmFailure;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One model call of a run's role, a sharded entity keyed by the call's effect (run, role, action,
 * target, ordinal). It makes the call on its own node and keeps the reply for a while, so that when
 * the caller's node dies mid-call, the role resumed on another node asks again under the same key
 * and receives this reply instead of paying for a second call.
 */
public final class CallKeeper {
    /** Named after its gateway's backend entity type, so that tests may start several gateways in one system. */
    public static EntityTypeKey<Command> typeKey(String gatewayTypeName) {
        return EntityTypeKey.create(Command.class, gatewayTypeName + "-Call");
    }

    public sealed interface Command extends ClusterSerializable {
    }

    /** Asks for the call's reply; sent again by a caller that has not heard back for a while. */
    public record Call(LlmRequest request, ActorRef<Answer> replyTo) implements Command {
    }

    /** The reply, or why there is none ({@code failure} non-empty). */
    public record Answer(LlmReply reply, String failure, boolean retryable) implements ClusterSerializable {
        static Answer of(LlmReply reply, Throwable failure) {
            if (failure == null) {
                return new Answer(reply, "", false);
            }
            Throwable cause = failure.getCause() != null && !(failure instanceof LlmFailure) ? failure.getCause()
                    : failure;
            return new Answer(null, String.valueOf(cause.getMessage()),
                    cause instanceof LlmFailure llm && llm.retryable());
        }

        LlmReply replyOrThrow() {
            if (reply == null) {
                throw new LlmFailure(failure, retryable);
            }
            return reply;
        }
    }

    private record Finished(Answer answer) implements Command {
    }

    private enum Expired implements Command {
        INSTANCE
    }

    private CallKeeper() {
    }

    /** The entity id of a request: the same for every attempt of one effect, on any node. */
    public static String entityId(LlmRequest request) {
        return String.join("|", request.runId(), request.role(), request.action(), String.valueOf(request.target()),
                Integer.toString(request.ordinal()));
    }

    /** Calls through {@code attempt} (the gateway of this node) and keeps a reply for {@code keepFor}. */
    public static Behavior<Command> create(Function<LlmRequest, CompletionStage<LlmReply>> attempt, Duration keepFor) {
        return Behaviors.setup(context -> idle(context, attempt, keepFor));
    }

    private static Behavior<Command> idle(ActorContext<Command> context,
            Function<LlmRequest, CompletionStage<LlmReply>> attempt, Duration keepFor) {
        return Behaviors.receive(Command.class)
                .onMessage(Call.class, call -> {
                    context.pipeToSelf(attempt.apply(call.request()), (reply, failure) ->
                            new Finished(Answer.of(reply, failure)));
                    Set<ActorRef<Answer>> waiting = new HashSet<>();
                    waiting.add(call.replyTo());
                    return calling(context, keepFor, call.request(), waiting);
                })
                .build();
    }

    private static Behavior<Command> calling(ActorContext<Command> context, Duration keepFor, LlmRequest request,
            Set<ActorRef<Answer>> waiting) {
        return Behaviors.receive(Command.class)
                .onMessage(Call.class, call -> {
                    waiting.add(call.replyTo());
                    return Behaviors.same();
                })
                .onMessage(Finished.class, finished -> {
                    waiting.forEach(caller -> caller.tell(finished.answer()));
                    if (finished.answer().reply() == null) {
                        // A failure is not kept: the role that asks again gets a new try.
                        return Behaviors.stopped();
                    }
                    context.scheduleOnce(keepFor, context.getSelf(), Expired.INSTANCE);
                    return kept(context, request, finished.answer());
                })
                .build();
    }

    private static Behavior<Command> kept(ActorContext<Command> context, LlmRequest request, Answer answer) {
        return Behaviors.receive(Command.class)
                .onMessage(Call.class, call -> {
                    if (call.request().equals(request)) {
                        call.replyTo().tell(answer);
                    } else {
                        call.replyTo().tell(new Answer(null, "a different request under the kept call's key "
                                + entityId(request), false));
                    }
                    return Behaviors.same();
                })
                .onMessage(Expired.class, expired -> Behaviors.stopped())
                .build();
    }
}
