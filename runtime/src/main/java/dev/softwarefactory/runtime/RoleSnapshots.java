package dev.softwarefactory.runtime;

import dev.softwarefactory.runtime.RoleActor.Running;
import dev.softwarefactory.runtime.RoleActor.RunningSnapshot;
import dev.softwarefactory.runtime.RoleActor.Snapshot;
import dev.softwarefactory.runtime.RoleActor.State;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A role's mutable state to and from its snapshot record: the state must not be serialized as it changes. */
final class RoleSnapshots {
    private RoleSnapshots() {
    }

    static Snapshot of(State state) {
        return new Snapshot(List.copyOf(state.observed), Set.copyOf(state.consumed), Map.copyOf(state.llmCounts),
                state.invocations, state.running == null ? null : of(state.running), state.closed, state.applied);
    }

    static State state(Snapshot snapshot) {
        State state = new State();
        state.observed.addAll(snapshot.observed());
        snapshot.observed().forEach(m -> state.seen.add(m.id()));
        state.consumed.addAll(snapshot.consumed());
        state.llmCounts.putAll(snapshot.llmCounts());
        state.invocations = snapshot.invocations();
        state.running = snapshot.running() == null ? null : running(snapshot.running());
        state.closed = snapshot.closed();
        state.applied = snapshot.applied();
        return state;
    }

    private static RunningSnapshot of(Running running) {
        return new RunningSnapshot(running.invocation, running.action, running.inputIds, Map.copyOf(running.effects),
                Set.copyOf(running.replayed), running.outputs, running.usage);
    }

    private static Running running(RunningSnapshot snapshot) {
        Running running = new Running(snapshot.invocation(), snapshot.action(), List.copyOf(snapshot.inputIds()));
        running.effects.putAll(snapshot.effects());
        running.replayed.addAll(snapshot.replayed());
        running.outputs = snapshot.outputs() == null ? null : List.copyOf(snapshot.outputs());
        running.usage = snapshot.usage();
        return running;
    }
}
