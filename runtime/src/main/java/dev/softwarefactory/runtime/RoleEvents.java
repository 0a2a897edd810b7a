package dev.softwarefactory.runtime;

import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventHandlerBuilder;
import dev.softwarefactory.runtime.RoleActor.ActionCompleted;
import dev.softwarefactory.runtime.RoleActor.ActionFailed;
import dev.softwarefactory.runtime.RoleActor.ActionStarted;
import dev.softwarefactory.runtime.RoleActor.EffectRecorded;
import dev.softwarefactory.runtime.RoleActor.EffectReplayed;
import dev.softwarefactory.runtime.RoleActor.Event;
import dev.softwarefactory.runtime.RoleActor.MessageObserved;
import dev.softwarefactory.runtime.RoleActor.OutputsDelivered;
import dev.softwarefactory.runtime.RoleActor.Running;
import dev.softwarefactory.runtime.RoleActor.State;
import dev.softwarefactory.runtime.action.EffectResult;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import java.util.List;
import java.util.Objects;

/** How a role's events change its state, live and in recovery alike; counting them lets recovery spot a gap. */
final class RoleEvents {
    private RoleEvents() {
    }

    static EventHandler<State, Event> handler() {
        EventHandler<State, Event> apply = events();
        return (state, event) -> {
            State next = apply.apply(state, event);
            next.applied = next.applied == null ? null : next.applied + 1;
            return next;
        };
    }

    private static EventHandler<State, Event> events() {
        return EventHandlerBuilder.<State, Event>builder().forAnyState()
                .onEvent(MessageObserved.class, (state, e) -> {
                    if (state.seen.add(e.entry().message().id())) {
                        state.observed.add(e.entry().message());
                    }
                    return state;
                })
                .onEvent(ActionStarted.class, (state, e) -> {
                    state.invocations = e.invocation();
                    state.consumed.addAll(e.inputIds());
                    state.running = new Running(e.invocation(), e.action(), List.copyOf(e.inputIds()));
                    return state;
                })
                .onEvent(EffectRecorded.class, (state, e) -> {
                    effectRecorded(state, e.key(), e.result());
                    return state;
                })
                .onEvent(EffectReplayed.class, (state, e) -> {
                    effectRecorded(state, e.key(), e.result());
                    state.running.replayed.add(e.key());
                    return state;
                })
                .onEvent(ActionCompleted.class, (state, e) -> {
                    state.running.outputs = List.copyOf(e.outputs());
                    state.running.usage = e.usage();
                    return state;
                })
                .onEvent(OutputsDelivered.class, (state, e) -> {
                    state.running = null;
                    state.closed = !e.runOpen();
                    return state;
                })
                .onEvent(ActionFailed.class, (state, e) -> {
                    state.running = null;
                    state.closed = true;
                    return state;
                })
                .build();
    }

    /** An effect of the running action, counted as a model call when it is one (for request ordinals). */
    private static void effectRecorded(State state, String key, EffectResult result) {
        state.running.effects.put(key, result);
        if (result instanceof LlmAnswered llm) {
            state.llmCounts.merge(llmCountKey(llm.action(), llm.target()), 1, Integer::sum);
        }
    }

    /** The key of a model-call count: a request's ordinal is its place among calls of one action and target. */
    static String llmCountKey(String action, String target) {
        return action + "|" + Objects.requireNonNullElse(target, "");
    }
}
