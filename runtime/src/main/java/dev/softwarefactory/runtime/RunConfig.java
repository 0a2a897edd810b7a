package dev.softwarefactory.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.softwarefactory.runtime.replay.ReplaySource;
import java.util.List;

/**
 * What a run was started with. {@code llm} is the model spec (e.g. {@code scripted:demo.json}) so
 * that a resume can use the same model; {@code maxRounds} caps the actions run by all roles;
 * {@code replay}, for a rerun or fork, names the run whose recorded effects are served (else null).
 */
public record RunConfig(
        String requirement,
        String llm,
        List<String> roles,
        int maxRounds,
        double budgetUsd,
        ReplaySource replay) implements JsonSerializable {

    @JsonCreator
    public RunConfig {
        roles = List.copyOf(roles);
    }

    /** A run that executes every effect live. */
    public RunConfig(String requirement, String llm, List<String> roles, int maxRounds, double budgetUsd) {
        this(requirement, llm, roles, maxRounds, budgetUsd, null);
    }
}
