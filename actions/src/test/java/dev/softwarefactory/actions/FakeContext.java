package dev.softwarefactory.actions;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.Workspace;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import dev.softwarefactory.runtime.action.Network;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** An action context that answers from queues and records what the action asked for, in one thread. */
final class FakeContext implements ActionContext {
    final Map<String, Deque<String>> answers = new LinkedHashMap<>();
    final Map<String, Deque<CommandExited>> commandResults = new LinkedHashMap<>();
    final List<String> llmKeys = new ArrayList<>();
    final List<String> prompts = new ArrayList<>();
    final Map<String, String> files = new LinkedHashMap<>();
    final List<List<String>> commands = new ArrayList<>();
    final List<Network> networks = new ArrayList<>();

    FakeContext answer(String action, String... replies) {
        answers.computeIfAbsent(action, a -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    FakeContext exits(String key, int exitCode, String output) {
        commandResults.computeIfAbsent(key, k -> new ArrayDeque<>())
                .add(new CommandExited(List.of(key), exitCode, output, false, 1));
        return this;
    }

    @Override
    public String runId() {
        return "run";
    }

    @Override
    public String role() {
        return "role";
    }

    @Override
    public LlmAnswered llm(String key, String action, String target, List<ChatMessage> messages) {
        llmKeys.add(key);
        prompts.add(messages.get(0).content());
        Deque<String> queue = answers.get(action);
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError("no answer left for " + action);
        }
        String text = queue.size() > 1 ? queue.poll() : queue.peek();
        return new LlmAnswered(action, target, messages.get(0).content(), text, 1, 1, 0, "fake", "fake", 0);
    }

    @Override
    public void writeFile(String path, String content) {
        Workspace.checkRelative(path);
        files.put(path, content);
    }

    @Override
    public CommandExited exec(String key, List<String> command, Duration timeout, Network network) {
        commands.add(command);
        networks.add(network);
        Deque<CommandExited> queue = commandResults.get(key);
        if (queue == null || queue.isEmpty()) {
            return new CommandExited(command, 0, "", false, 1);
        }
        return queue.poll();
    }

    @Override
    public Instant now(String key) {
        return Instant.EPOCH;
    }

    @Override
    public <T> List<T> parallel(List<Callable<T>> work) {
        List<T> results = new ArrayList<>();
        for (Callable<T> piece : work) {
            try {
                results.add(piece.call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }
}
