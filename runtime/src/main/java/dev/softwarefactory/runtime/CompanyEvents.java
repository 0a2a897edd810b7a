package dev.softwarefactory.runtime;

import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventHandlerBuilder;
import dev.softwarefactory.runtime.Company.ActionAccounted;
import dev.softwarefactory.runtime.Company.Event;
import dev.softwarefactory.runtime.Company.MessagePublished;
import dev.softwarefactory.runtime.Company.ModelCallAccounted;
import dev.softwarefactory.runtime.Company.RunEnded;
import dev.softwarefactory.runtime.Company.RunResumed;
import dev.softwarefactory.runtime.Company.RunStarted;
import dev.softwarefactory.runtime.Company.State;

/** How a run's events change its state, live and in recovery alike; counting them lets recovery spot a gap. */
final class CompanyEvents {
    private CompanyEvents() {
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
                .onEvent(RunStarted.class, (state, e) -> {
                    state.config = e.config();
                    state.startedAt = e.startedAt();
                    return state;
                })
                .onEvent(MessagePublished.class, (state, e) -> {
                    state.log.append(e.entry());
                    return state;
                })
                .onEvent(ActionAccounted.class, (state, e) -> {
                    state.accounted.add(e.role() + "#" + e.invocation());
                    state.usage = usageAfter(state.usage, e);
                    state.rounds++;
                    return state;
                })
                .onEvent(ModelCallAccounted.class, (state, e) -> {
                    state.calls.add(callKey(e.role(), e.invocation(), e.key()));
                    state.usage = usageAfter(state.usage, e);
                    return state;
                })
                .onEvent(RunResumed.class, (state, e) -> state)
                .onEvent(RunEnded.class, (state, e) -> {
                    state.outcome = e.outcome();
                    state.reason = e.reason();
                    state.endedAt = e.endedAt();
                    return state;
                })
                .build();
    }

    /** The key by which the run counts each model call once. */
    static String callKey(String role, long invocation, String key) {
        return role + "#" + invocation + "#" + key;
    }

    /**
     * The run's usage after an event: the one fold of model calls, shared by the run and the
     * catalog. Runs recorded before calls were accounted one by one carry them on ActionAccounted.
     */
    static Usage usageAfter(Usage usage, Object event) {
        if (event instanceof ModelCallAccounted e) {
            return usage.plus(e.usage());
        }
        if (event instanceof ActionAccounted e) {
            return usage.plus(e.usage());
        }
        return usage;
    }
}
