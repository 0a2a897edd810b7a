package dev.softwarefactory.runtime;

import dev.softwarefactory.runtime.Company.Conclude;
import dev.softwarefactory.runtime.Company.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** When an open run is due to end, and why: its SOP says so, it hit a limit, or no role has work left. */
final class EndOfRun {
    private final Sop sop;
    /**
     * Per role, where it last reported being idle and the types it watches; transient, as roles report
     * again when they restart. A role stays idle until a message of a type it watches is logged.
     */
    private final Map<String, IdleMark> idle = new HashMap<>();

    EndOfRun(Sop sop) {
        this.sop = sop;
    }

    /** After a batch was published: the first of its messages that completes or stops the run, else a limit hit. */
    Optional<Conclude> afterPublished(State state, List<LoggedMessage> published) {
        if (!state.open()) {
            return Optional.empty();
        }
        for (LoggedMessage entry : published) {
            var done = sop.completes(entry.message());
            if (done.isPresent()) {
                return Optional.of(new Conclude(Outcome.SUCCEEDED, done.get()));
            }
            var stuck = sop.stops(entry.message(), state.log.upTo(entry.seq()).stream()
                    .map(LoggedMessage::message).toList());
            if (stuck.isPresent()) {
                return Optional.of(new Conclude(Outcome.FAILED, stuck.get()));
            }
        }
        if (state.rounds >= state.config.maxRounds()) {
            return Optional.of(new Conclude(Outcome.FAILED, "round limit of " + state.config.maxRounds()
                    + " actions reached"));
        } else if (state.config.budgetUsd() > 0 && state.usage.costUsd() >= state.config.budgetUsd()) {
            return Optional.of(new Conclude(Outcome.FAILED, String.format("budget of $%.2f spent ($%.4f)",
                    state.config.budgetUsd(), state.usage.costUsd())));
        }
        return Optional.empty();
    }

    /** Why an open run may not start this model call: its budget is spent; empty while it may. */
    Optional<String> refusal(State state, String role, String action) {
        double budget = state.config.budgetUsd();
        double spent = state.usage.costUsd();
        if (budget <= 0 || spent < budget) {
            return Optional.empty();
        }
        return Optional.of(String.format("budget of $%.2f spent ($%.4f): %s's call for %s refused", budget, spent,
                role, action));
    }

    /** A role found nothing new while idle; once every role of the open run is still idle, no one has work left. */
    Optional<String> idle(State state, String role, Set<String> types) {
        idle.put(role, new IdleMark(state.head(), Set.copyOf(types)));
        if (state.config.roles().stream().allMatch(r -> idle.containsKey(r) && idle.get(r).still(state.log))) {
            return Optional.of("no role has work left (" + state.log.last().message().type()
                    + " was the last message)");
        }
        return Optional.empty();
    }

    /** A role reported idle at {@code head}; it still is while no message of its types was logged after. */
    private record IdleMark(long head, Set<String> types) {
        boolean still(RunLog log) {
            return log.lastSeqOf(types) <= head;
        }
    }
}
