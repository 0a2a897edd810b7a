package dev.softwarefactory.runtime;

import dev.softwarefactory.llmgateway.LlmClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** What role actors of a node share: the model, where workspaces live, and threads for actions. */
public record RoleServices(
        LlmClient llm,
        Path workspaces,
        CommandRunner commands,
        ExecutorService actionThreads,
        Duration retryInterval,
        Duration askTimeout) {

    public Workspace workspace(String runId) {
        return new Workspace(workspaces.resolve(runId));
    }
}
