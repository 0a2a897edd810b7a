package dev.softwarefactory.runtime;

import java.util.List;

/**
 * What a run was started with. {@code llm} is the model spec (e.g. {@code scripted:demo.json}) so
 * that a resume can use the same model; {@code maxRounds} caps the actions run by all roles.
 */
public record RunConfig(
        String requirement,
        String llm,
        List<String> roles,
        int maxRounds,
        double budgetUsd) implements JsonSerializable {

    public RunConfig {
        roles = List.copyOf(roles);
    }
}
