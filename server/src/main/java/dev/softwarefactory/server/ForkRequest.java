package dev.softwarefactory.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.softwarefactory.node.ForkRun;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.UserError;
import java.util.Map;

/** The body of POST /api/runs/{id}/fork: the step, and what to change after it (null: as the run had it). */
public record ForkRequest(Long at, String llm, String llmBaseUrl, String llmModel, Map<String, String> aliasMap,
        Double investment, @JsonProperty("nRound") Integer nRound) {

    ForkRun fork() {
        if (at == null) {
            throw new UserError("at is missing: the last step of the run whose effects are served");
        }
        return new ForkRun(at, new ModelOptions(llm, llmBaseUrl, llmModel), aliasMap, investment, nRound);
    }
}
