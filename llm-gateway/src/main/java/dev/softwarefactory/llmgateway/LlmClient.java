package dev.softwarefactory.llmgateway;

import java.util.concurrent.CompletionStage;

/** The one way the rest of the system talks to a model. */
public interface LlmClient {
    CompletionStage<LlmReply> complete(LlmRequest request);

    /** A short description for progress output, e.g. "scripted model (demo.json)". */
    String describe();
}
