package dev.softwarefactory.node;

import java.util.Map;

/**
 * A fork as a user asks for it: the last step served from the recorded run, the model after it
 * (none: the run's own), roles mapped to gateway aliases, and budget and round limit (null: the run's).
 */
public record ForkRun(long at, ModelOptions model, Map<String, String> aliasMap, Double investment,
        Integer nRound) {
}
