package dev.softwarefactory.runtime;

import dev.softwarefactory.llmgateway.LlmClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * What role actors of a node share: the model, where workspaces live, threads for actions, and how
 * a workspace catches up with files other nodes wrote.
 */
public record RoleServices(
        LlmClient llm,
        Path workspaces,
        CommandRunner commands,
        ExecutorService actionThreads,
        Duration retryInterval,
        Duration askTimeout,
        WorkspaceSync workspaceSync) {

    /** Services of a node whose journal is its own: its workspaces hold every file it needs. */
    public RoleServices(LlmClient llm, Path workspaces, CommandRunner commands, ExecutorService actionThreads,
            Duration retryInterval, Duration askTimeout) {
        this(llm, workspaces, commands, actionThreads, retryInterval, askTimeout, WorkspaceSync.NONE);
    }

    public RoleServices withWorkspaceSync(WorkspaceSync sync) {
        return new RoleServices(llm, workspaces, commands, actionThreads, retryInterval, askTimeout, sync);
    }

    public Workspace workspace(String runId) {
        return new Workspace(workspaces.resolve(runId));
    }
}
