package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import dev.softwarefactory.runtime.replay.EffectRequest;
import dev.softwarefactory.runtime.replay.RecordedEffects;
import dev.softwarefactory.runtime.replay.RunJournal;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a role's effects come from before they run live: when the run is a rerun or fork, the
 * effects its source run recorded. The run's config is asked of the Company and the source's
 * timeline read once per role incarnation, on the first effect not recorded by the run itself.
 */
final class EffectSource {
    private final ActorSystem<?> system;
    private final EntityRef<Company.Command> company;
    private final String role;
    private final Duration askTimeout;
    private Optional<RecordedEffects> recorded;

    EffectSource(ActorSystem<?> system, EntityRef<Company.Command> company, String role, Duration askTimeout) {
        this.system = system;
        this.company = company;
        this.role = role;
        this.askTimeout = askTimeout;
    }

    /** The source's effect for this request; empty when it is to run live. Throws RunDiverged. */
    Optional<RecordedEffects.Recorded> serve(long invocation, String key, EffectRequest request) {
        return recorded().flatMap(effects -> effects.serve(invocation, key, request));
    }

    String sourceRun() {
        return recorded().map(effects -> effects.source().runId()).orElse("");
    }

    private synchronized Optional<RecordedEffects> recorded() {
        if (recorded == null) {
            RunConfig config = CompanyQuestion.<RunConfig>ask(system, company, Company.GetConfig::new, askTimeout,
                    "the run did not say where its effects come from");
            recorded = Optional.ofNullable(config.replay()).map(source -> RecordedEffects.of(source, role,
                    RunJournal.of(system).timeline(source.runId())));
        }
        return recorded;
    }
}
