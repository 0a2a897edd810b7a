package dev.softwarefactory.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.StartRun;

/** The body of POST /api/runs; nRound defaults to 50 and investment to 0 (no budget). */
public record RunRequest(String requirement, String llm, String llmBaseUrl, String llmModel,
        @JsonProperty("nRound") Integer nRound, Double investment) {
    static final int DEFAULT_ROUNDS = 50;

    StartRun order() {
        return new StartRun(requirement, new ModelOptions(llm, llmBaseUrl, llmModel),
                nRound == null ? DEFAULT_ROUNDS : nRound, investment == null ? 0 : investment);
    }
}
