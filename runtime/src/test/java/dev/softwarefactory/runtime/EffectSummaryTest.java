package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectSummaryTest {
    @Test
    void aModelCallShowsTokensCostLatencyAndWhereItRan() {
        LlmAnswered answer = new LlmAnswered("WriteCode", "game.py", "prompt", "answer", 1200, 300, 0.0125,
                "gpu1", "qwen2.5-coder", 840);

        assertEquals("1500 tokens, $0.0125, 840 ms, gpu1/qwen2.5-coder", EffectSummary.of(answer));
    }

    @Test
    void aCommandShowsItsExitCodeOrThatItTimedOut() {
        assertEquals("exit 1 in 30 ms", EffectSummary.of(new CommandExited(List.of("pytest"), 1, "", false, 30)));
        assertEquals("timed out", EffectSummary.of(new CommandExited(List.of("pytest"), -1, "", true, 120_000)));
    }
}
