package dev.softwarefactory.runtime.action;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Durable effects, each under a key the action chooses (e.g. {@code code:src/game.py}). A key's
 * result is persisted by the role before the action sees it, and served from the journal ever
 * after: within one action invocation a key names one effect.
 */
public interface ActionContext {
    String runId();

    String role();

    /** Calls the model; the prompt's first line is the header for {@code action} and {@code target}. */
    LlmAnswered llm(String key, String action, String target, List<ChatMessage> messages);

    /** Writes a file under the run's workspace; the key is {@code file:<path>}. */
    void writeFile(String path, String content);

    /** Runs a command in the workspace, sandboxed and without network, with a time limit; output is capped. */
    default CommandExited exec(String key, List<String> command, Duration timeout) {
        return exec(key, command, timeout, Network.NONE);
    }

    /**
     * Runs a command like {@link #exec(String, List, Duration)}, with or without network: e.g. to
     * install pinned dependencies into a project-local environment. The workspace stays the only
     * writable place. The key is {@code exec:<key>} either way.
     */
    CommandExited exec(String key, List<String> command, Duration timeout, Network network);

    Instant now(String key);

    /** Runs independent pieces of work (each may use effects) at once; results in input order. */
    <T> List<T> parallel(List<Callable<T>> work);
}
