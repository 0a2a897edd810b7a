package dev.softwarefactory.llmgateway.sim;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.PromptHeader;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.openai.OpenAiError;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the reply text. With a script: the n-th request for an action and target (read from the
 * prompt header of the first message) gets the n-th matching entry, the last one repeating. When the
 * gateway sends the call's effect key, n is its ordinal (as the scripted model does), so that runs at
 * once and a call repeated after a crash each follow the script. Without one, or for a prompt without
 * a header (a health check such as {@code llm ping}): a fixed text naming the last user message.
 */
final class ReplyPicker {
    private final Optional<List<ScriptEntry>> script;
    private final Map<PromptHeader, AtomicInteger> counts = new ConcurrentHashMap<>();

    ReplyPicker(Optional<List<ScriptEntry>> script) {
        this.script = script;
    }

    record Reply(String text, long delayMs) {
    }

    Reply pick(List<ChatMessage> messages, String callKey) throws OpenAiError {
        Optional<PromptHeader> parsed = PromptHeader.parse(messages.get(0).content());
        if (script.isEmpty() || parsed.isEmpty()) {
            return new Reply(echo(messages), 0);
        }
        PromptHeader header = parsed.get();
        List<ScriptEntry> matching = script.get().stream()
                .filter(e -> e.action().equals(header.action()))
                .filter(e -> e.target() == null || Objects.equals(e.target(), header.target()))
                .toList();
        if (matching.isEmpty()) {
            throw new OpenAiError(404, "not_found_error", "the script has no entry for " + header.line());
        }
        String ordinal = callKey.substring(callKey.lastIndexOf('|') + 1);
        int n = ordinal.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(ordinal)
                : counts.computeIfAbsent(header, h -> new AtomicInteger()).incrementAndGet();
        ScriptEntry entry = matching.get(Math.min(n, matching.size()) - 1);
        return new Reply(entry.reply(), entry.delayMs());
    }

    private static String echo(List<ChatMessage> messages) {
        String last = messages.stream().filter(m -> m.role().equals("user")).reduce((a, b) -> b)
                .orElse(messages.get(messages.size() - 1)).content();
        return "sim reply to: " + (last.length() > 40 ? last.substring(0, 40) : last);
    }
}
