package dev.softwarefactory.cli.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import dev.softwarefactory.runtime.JsonSerializable;

/** Persists events one after another, each after the previous one is written, as role actors do. */
final class BenchRecorder extends EventSourcedBehavior<BenchRecorder.Command, BenchRecorder.Recorded, Long> {
    sealed interface Command extends JsonSerializable {
    }

    record Record(int count, String payload, ActorRef<Long> replyTo) implements Command {
    }

    private record Next(int left, String payload, ActorRef<Long> replyTo) implements Command {
    }

    record Recorded(long seq, String payload) implements JsonSerializable {
    }

    private final akka.actor.typed.javadsl.ActorContext<Command> context;

    static Behavior<Command> create(String id) {
        return Behaviors.setup(ctx -> new BenchRecorder(ctx, id));
    }

    private BenchRecorder(akka.actor.typed.javadsl.ActorContext<Command> context, String id) {
        super(PersistenceId.of("Bench", id));
        this.context = context;
    }

    @Override
    public Long emptyState() {
        return 0L;
    }

    @Override
    public CommandHandler<Command, Recorded, Long> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Record.class, (state, cmd) -> next(state, new Next(cmd.count(), cmd.payload(), cmd.replyTo())))
                .onCommand(Next.class, this::next)
                .build();
    }

    private Effect<Recorded, Long> next(Long state, Next cmd) {
        if (cmd.left() == 0) {
            cmd.replyTo().tell(state);
            return Effect().none();
        }
        return Effect().persist(new Recorded(state + 1, cmd.payload())).thenRun(s -> context.getSelf()
                .tell(new Next(cmd.left() - 1, cmd.payload(), cmd.replyTo())));
    }

    @Override
    public EventHandler<Long, Recorded> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onEvent(Recorded.class, (state, e) -> e.seq()).build();
    }
}
