package dev.softwarefactory.runtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softwarefactory.runtime.action.EffectResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectRequestTest {
    private static EffectResult.LlmAnswered answered(String prompt) {
        return new EffectResult.LlmAnswered("Write", null, prompt, "answer", 1, 1, 0, "sim", "m", 0);
    }

    @Test
    void theSamePromptIsNoDifference() {
        assertEquals(Optional.empty(),
                EffectRequest.llm("user: write\nit").differenceFrom(answered("user: write\nit")));
    }

    @Test
    void aDifferentPromptIsNamedWithWhereItDiffers() {
        assertEquals(Optional.of("the prompt differs at character 12: recorded \"42\\nend\", now \"7\\nend\""),
                EffectRequest.llm("user: roll 7\nend").differenceFrom(answered("user: roll 42\nend")));
    }

    @Test
    void aDifferentFileContentIsNamed() {
        assertEquals(Optional.of("the content differs at character 1: recorded \"a\", now \"b\""),
                EffectRequest.file("b").differenceFrom(new EffectResult.FileWritten("x.txt", "a")));
    }

    @Test
    void aDifferentCommandIsNamed() {
        assertEquals(Optional.of("the command differs: recorded [make, test], now [make, check]"),
                EffectRequest.exec(List.of("make", "check")).differenceFrom(
                        new EffectResult.CommandExited(List.of("make", "test"), 0, "", false, 1)));
    }
}
