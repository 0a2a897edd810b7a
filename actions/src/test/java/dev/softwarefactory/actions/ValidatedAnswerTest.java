package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.ActionInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatedAnswerTest {
    private static final String GOOD_PRD = "## Goals\n## User stories\n## Requirement pool\n## Acceptance criteria\n"
            + "## Open questions\n";
    private static final ActionInput REQUIREMENT = new ActionInput(List.of(), List.of(
            new Message("r", "run", Message.REQUIREMENT, "User", List.of(), null, "a calculator")));

    @Test
    void aRejectedAnswerIsSentBackWithTheReasonAsANewCall() throws Exception {
        FakeContext context = new FakeContext().answer(WritePrd.NAME, "garbage", GOOD_PRD);

        new WritePrd().run(REQUIREMENT, context);

        assertEquals(List.of("prd", "prd#2"), context.llmKeys);
        assertTrue(context.prompts.get(1).contains("Your previous answer was rejected: the PRD lacks the sections"),
                context.prompts.get(1));
        assertEquals(GOOD_PRD, context.files.get("docs/prd.md"));
    }

    @Test
    void theActionFailsClearlyAfterThreeRejectedAnswers() {
        FakeContext context = new FakeContext().answer(WritePrd.NAME, "garbage");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new WritePrd().run(REQUIREMENT, context));

        assertEquals(List.of("prd", "prd#2", "prd#3"), context.llmKeys);
        assertTrue(e.getMessage().startsWith("WritePRD: the model's answer was rejected 3 times; last reason: the PRD"
                + " lacks the sections"), e.getMessage());
        assertTrue(context.files.isEmpty());
    }
}
