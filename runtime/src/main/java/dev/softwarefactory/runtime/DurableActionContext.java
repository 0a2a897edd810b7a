package dev.softwarefactory.runtime;

import akka.actor.typed.ActorRef;
import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.PromptHeader;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.EffectResult;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.EffectResult.FileWritten;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import dev.softwarefactory.runtime.action.EffectResult.TimeRead;
import dev.softwarefactory.runtime.action.Network;
import dev.softwarefactory.runtime.replay.EffectRequest;
import dev.softwarefactory.runtime.replay.RecordedEffects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The context of one action invocation. An effect whose key is recorded is served from the record;
 * otherwise it runs, the role persists its result, and only then does the action see it.
 */
final class DurableActionContext implements ActionContext {
    private final String runId;
    private final String role;
    private final long invocation;
    private final Map<String, EffectResult> recorded;
    /** Recorded effects served from another run's journal: paid for there. */
    private final Set<String> replayed;
    private final Map<String, AtomicInteger> llmCounts = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final ActorRef<RoleActor.Command> roleActor;
    private final RoleServices services;
    private final Workspace workspace;
    private final CommandTrail trail;
    private final RunBudget budget;
    private final EffectSource source;

    DurableActionContext(String runId, String role, long invocation, Map<String, EffectResult> recorded,
            Set<String> replayed, Map<String, Integer> llmCounts, ActorRef<RoleActor.Command> roleActor, RoleServices services,
            RunBudget budget, EffectSource source) {
        this.runId = runId;
        this.role = role;
        this.invocation = invocation;
        this.recorded = Map.copyOf(recorded);
        this.replayed = Set.copyOf(replayed);
        llmCounts.forEach((k, v) -> this.llmCounts.put(k, new AtomicInteger(v)));
        this.roleActor = roleActor;
        this.services = services;
        this.workspace = services.workspace(runId);
        this.trail = new CommandTrail(workspace);
        this.budget = budget;
        this.source = source;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public LlmAnswered llm(String key, String action, String target, List<ChatMessage> messages) {
        List<ChatMessage> prompt = withHeader(new PromptHeader(action, target), messages);
        String promptText = String.join("\n\n", prompt.stream().map(m -> m.role() + ": " + m.content()).toList());
        String effectKey = "llm:" + key;
        // Counted again if recorded by this run before a restart: the run counts each key once.
        AtomicBoolean called = new AtomicBoolean(recorded.containsKey(effectKey) && !replayed.contains(effectKey));
        LlmAnswered answered = (LlmAnswered) effect(effectKey, EffectRequest.llm(promptText), () -> {
            int ordinal = llmCounts.computeIfAbsent(RoleEvents.llmCountKey(action, target), k -> new AtomicInteger())
                    .incrementAndGet();
            budget.admit(action);
            LlmReply reply = services.llm().complete(new LlmRequest(runId, role, action, target, ordinal, role,
                    prompt)).toCompletableFuture().join();
            called.set(true);
            return new LlmAnswered(action, target, promptText, reply.text(), reply.inputTokens(),
                    reply.outputTokens(), reply.costUsd(), reply.backend(), reply.model(), reply.latencyMillis());
        });
        // Counted once recorded, before the action judges the answer: rejected answers and failing actions count too.
        if (called.get()) {
            budget.account(effectKey, new Usage(1, answered.inputTokens() + answered.outputTokens(),
                    answered.costUsd()));
        }
        return answered;
    }

    @Override
    public void writeFile(String path, String content) {
        workspace.resolve(path);
        FileWritten written = (FileWritten) effect("file:" + path, EffectRequest.file(content), () -> {
            workspace.write(path, content);
            return new FileWritten(path, content);
        });
        // A served write restores the projection: the journal, not the folder, is the truth.
        workspace.write(written.path(), written.content());
    }

    @Override
    public CommandExited exec(String key, List<String> command, Duration timeout, Network network) {
        String effectKey = "exec:" + key;
        CommandExited result = (CommandExited) effect(effectKey, EffectRequest.exec(command),
                () -> runHere(effectKey, command, timeout, network));
        if (recorded.containsKey(effectKey) && !replayed.contains(effectKey)
                && !trail.ran(role, invocation, effectKey)) {
            // Recorded by this role on a node that died: the result is served, the side effects (say, the
            // environment the next command needs) are made here. Like a served write, it restores the projection.
            runHere(effectKey, command, timeout, network);
        }
        return result;
    }

    /** Runs the command in this node's copy of the workspace and marks it run there. */
    private CommandExited runHere(String effectKey, List<String> command, Duration timeout, Network network) {
        services.workspaceSync().bringUpToDate(runId, workspace);
        CommandExited ran = services.commands().run(runId, workspace.root(), command, timeout, network);
        trail.mark(role, invocation, effectKey);
        return ran;
    }

    @Override
    public Instant now(String key) {
        return Instant.ofEpochMilli(((TimeRead) effect("now:" + key, EffectRequest.any(),
                () -> new TimeRead(System.currentTimeMillis()))).epochMillis());
    }

    @Override
    public <T> List<T> parallel(List<Callable<T>> work) {
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (Callable<T> piece : work) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return piece.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, services.actionThreads()));
        }
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> future : running) {
            results.add(future.join());
        }
        return results;
    }

    private EffectResult effect(String key, EffectRequest request, Supplier<EffectResult> execute) {
        if (!used.add(key)) {
            throw new IllegalStateException("effect key used twice in one action: " + key);
        }
        EffectResult known = recorded.get(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<EffectResult> persisted = new CompletableFuture<>();
        Optional<RecordedEffects.Recorded> served = source.serve(invocation, key, request);
        if (served.isPresent()) {
            roleActor.tell(new RoleActor.ReplayEffect(invocation, key, served.get().result(), source.sourceRun(),
                    served.get().step(), persisted));
            return persisted.join();
        }
        EffectResult result = execute.get();
        roleActor.tell(new RoleActor.RecordEffect(invocation, key, result, persisted));
        return persisted.join();
    }

    private static List<ChatMessage> withHeader(PromptHeader header, List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model call needs at least one message");
        }
        List<ChatMessage> prompt = new ArrayList<>(messages);
        ChatMessage first = prompt.get(0);
        if (!first.content().startsWith(header.line() + "\n")) {
            prompt.set(0, new ChatMessage(first.role(), header.line() + "\n" + first.content()));
        }
        return prompt;
    }
}
