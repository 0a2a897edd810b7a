package dev.softwarefactory.runtime;

import dev.softwarefactory.runtime.action.EffectResult;
import java.util.Objects;

/** One line about an effect's result, for progress output. */
public final class EffectSummary {
    private EffectSummary() {
    }

    public static String of(EffectResult result) {
        if (result instanceof EffectResult.LlmAnswered llm) {
            return String.format("%d tokens, $%.4f, %d ms, %s", llm.inputTokens() + llm.outputTokens(),
                    llm.costUsd(), llm.latencyMillis(), Objects.equals(llm.backend(), llm.model()) ? llm.model()
                            : llm.backend() + "/" + llm.model());
        }
        if (result instanceof EffectResult.FileWritten file) {
            return file.content().lines().count() + " lines";
        }
        if (result instanceof EffectResult.CommandExited exec) {
            return exec.timedOut() ? "timed out" : "exit " + exec.exitCode() + " in " + exec.durationMillis() + " ms";
        }
        return java.time.Instant.ofEpochMilli(((EffectResult.TimeRead) result).epochMillis()).toString();
    }
}
