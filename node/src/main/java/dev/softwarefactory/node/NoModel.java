package dev.softwarefactory.node;

import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmFailure;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The model of a rerun: none. Every effect is served from the source run, so nothing may reach here. */
public final class NoModel implements LlmClient {
    private final String sourceRun;

    public NoModel(String sourceRun) {
        this.sourceRun = sourceRun;
    }

    @Override
    public CompletionStage<LlmReply> complete(LlmRequest request) {
        return CompletableFuture.failedFuture(new LlmFailure("a rerun of " + sourceRun
                + " calls no model, yet " + request.role() + " asked for " + request.action(), false));
    }

    @Override
    public String describe() {
        return "no model (every effect served from run " + sourceRun + ")";
    }
}
