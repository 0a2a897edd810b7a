package dev.softwarefactory.runtime;

import dev.softwarefactory.runtime.Company.Snapshot;
import dev.softwarefactory.runtime.Company.State;
import java.util.Set;

/** A run's mutable state to and from its snapshot record: the state must not be serialized as it changes. */
final class CompanySnapshots {
    private CompanySnapshots() {
    }

    static Snapshot of(State state) {
        return new Snapshot(state.config, state.startedAt, state.log.all(), Set.copyOf(state.accounted),
                Set.copyOf(state.calls), state.usage, state.rounds, state.outcome, state.reason, state.endedAt,
                state.applied);
    }

    static State state(Snapshot snapshot) {
        State state = new State();
        state.config = snapshot.config();
        state.startedAt = snapshot.startedAt();
        snapshot.log().forEach(state.log::append);
        state.accounted.addAll(snapshot.accounted());
        if (snapshot.calls() != null) {
            state.calls.addAll(snapshot.calls());
        }
        state.usage = snapshot.usage();
        state.rounds = snapshot.rounds();
        state.outcome = snapshot.outcome();
        state.reason = snapshot.reason();
        state.endedAt = snapshot.endedAt();
        state.applied = snapshot.applied();
        return state;
    }
}
