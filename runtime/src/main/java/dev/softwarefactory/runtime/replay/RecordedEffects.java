package dev.softwarefactory.runtime.replay;

import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.action.EffectResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effects one role recorded in a source run, by invocation and key, as far as a rerun or fork
 * may serve them (steps up to {@link ReplaySource#lastServedStep()}).
 */
public final class RecordedEffects {
    private final ReplaySource source;
    private final String role;
    private final Map<String, Recorded> byKey = new HashMap<>();
    private long lastServedStep;

    /** One recorded effect and the step of the source run that recorded it. */
    public record Recorded(long step, EffectResult result) {
    }

    private RecordedEffects(ReplaySource source, String role) {
        this.source = source;
        this.role = role;
    }

    public static RecordedEffects of(ReplaySource source, String role, List<Step> timeline) {
        RecordedEffects effects = new RecordedEffects(source, role);
        for (Step step : timeline) {
            if (step.number() > source.lastServedStep() || !step.role().equals(role)) {
                continue;
            }
            if (step.event() instanceof RoleActor.EffectRecorded e) {
                effects.put(step.number(), e.invocation(), e.key(), e.result());
            } else if (step.event() instanceof RoleActor.EffectReplayed e) {
                effects.put(step.number(), e.invocation(), e.key(), e.result());
            }
        }
        return effects;
    }

    private void put(long step, long invocation, String key, EffectResult result) {
        byKey.put(invocation + "|" + key, new Recorded(step, result));
        lastServedStep = step;
    }

    public ReplaySource source() {
        return source;
    }

    /**
     * The recorded effect to serve for this request, or empty when it is to run live. Throws
     * {@link RunDiverged} when the source recorded this key with another request ({@code differs}
     * names the difference), or recorded no such effect and nothing may run live.
     */
    public Optional<Recorded> serve(long invocation, String key, EffectRequest request) {
        Recorded recorded = byKey.get(invocation + "|" + key);
        if (recorded == null) {
            if (source.liveAfter()) {
                return Optional.empty();
            }
            throw new RunDiverged(String.format("diverged from run %s after step %d: %s invocation %d asked for %s,"
                    + " which that run did not record", source.runId(), lastServedStep, role, invocation, key));
        }
        request.differenceFrom(recorded.result()).ifPresent(difference -> {
            throw new RunDiverged(String.format("diverged from run %s at step %d: %s invocation %d %s: %s",
                    source.runId(), recorded.step(), role, invocation, key, difference));
        });
        return Optional.of(recorded);
    }
}
