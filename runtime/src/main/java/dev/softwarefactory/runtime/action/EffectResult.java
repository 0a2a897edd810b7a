package dev.softwarefactory.runtime.action;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.softwarefactory.runtime.JsonSerializable;

/** The recorded result of one effect; served from the journal when the action runs again. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EffectResult.LlmAnswered.class, name = "llm"),
    @JsonSubTypes.Type(value = EffectResult.FileWritten.class, name = "file"),
    @JsonSubTypes.Type(value = EffectResult.CommandExited.class, name = "exec"),
    @JsonSubTypes.Type(value = EffectResult.TimeRead.class, name = "now")
})
public sealed interface EffectResult extends JsonSerializable {

    record LlmAnswered(String action, String target, String prompt, String text, long inputTokens,
            long outputTokens, double costUsd, String backend, String model, long latencyMillis)
            implements EffectResult {
    }

    record FileWritten(String path, String content) implements EffectResult {
    }

    record CommandExited(java.util.List<String> command, int exitCode, String output, boolean timedOut,
            long durationMillis) implements EffectResult {
    }

    record TimeRead(long epochMillis) implements EffectResult {
    }
}
