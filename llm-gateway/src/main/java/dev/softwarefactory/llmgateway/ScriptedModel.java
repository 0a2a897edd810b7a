package dev.softwarefactory.llmgateway;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A model that answers from a script. The n-th request for an action and target gets the n-th
 * entry that matches them, and the last one repeats when they run out.
 */
public final class ScriptedModel implements LlmClient {
    private final List<ScriptEntry> entries;
    private final String name;

    public ScriptedModel(List<ScriptEntry> entries, String name) {
        this.entries = List.copyOf(entries);
        this.name = name;
    }

    public static ScriptedModel fromFile(Path file) {
        return new ScriptedModel(ScriptFile.read(file), file.getFileName().toString());
    }

    @Override
    public CompletionStage<LlmReply> complete(LlmRequest request) {
        List<ScriptEntry> matching = entries.stream()
                .filter(e -> e.action().equals(request.action()))
                .filter(e -> e.target() == null || Objects.equals(e.target(), request.target()))
                .toList();
        if (matching.isEmpty()) {
            return CompletableFuture.failedFuture(new LlmFailure("the scripted model has no entry for "
                    + new PromptHeader(request.action(), request.target()).line(), false));
        }
        ScriptEntry entry = matching.get(Math.min(Math.max(request.ordinal(), 1), matching.size()) - 1);
        LlmReply reply = new LlmReply(entry.reply(), tokens(request), tokens(entry.reply()), 0.0,
                "scripted", name, entry.delayMs());
        Executor after = CompletableFuture.delayedExecutor(entry.delayMs(), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> reply, after);
    }

    @Override
    public String describe() {
        return "scripted model (" + name + ")";
    }

    private static long tokens(LlmRequest request) {
        return request.messages().stream().mapToLong(m -> tokens(m.content())).sum();
    }

    /** A rough count (four characters a token), as the script has no tokenizer. */
    private static long tokens(String text) {
        return (text.length() + 3) / 4;
    }
}
