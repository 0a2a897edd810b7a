package dev.softwarefactory.llmgateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ScriptedModelTest {

    private static LlmRequest request(String action, String target, int ordinal) {
        return new LlmRequest("run-1", "Engineer", action, target, ordinal, "Engineer",
                List.of(ChatMessage.user("Action: " + action + "\nPlease write the thing.")));
    }

    private static LlmReply answer(ScriptedModel model, LlmRequest request) {
        return model.complete(request).toCompletableFuture().join();
    }

    private static ScriptEntry entry(String action, String target, String reply) {
        return new ScriptEntry(action, target, reply, 0);
    }

    @Test
    void requestGetsTheEntryWithItsActionAndTarget() {
        ScriptedModel model = new ScriptedModel(List.of(
                entry("WriteCode", "a.py", "code for a"),
                entry("WriteCode", "b.py", "code for b"),
                entry("WritePRD", null, "the prd")), "test.json");

        assertEquals("code for b", answer(model, request("WriteCode", "b.py", 1)).text());
    }

    @Test
    void entryWithoutTargetMatchesAnyTarget() {
        ScriptedModel model = new ScriptedModel(List.of(entry("WriteCode", null, "any code")), "test.json");

        assertEquals("any code", answer(model, request("WriteCode", "whatever/x.py", 1)).text());
    }

    @Test
    void secondRequestForSameTargetGetsSecondEntry() {
        ScriptedModel model = new ScriptedModel(List.of(
                entry("WriteCode", "a.py", "first"),
                entry("WriteCode", "b.py", "other file"),
                entry("WriteCode", "a.py", "second")), "test.json");

        assertEquals("first", answer(model, request("WriteCode", "a.py", 1)).text());
        assertEquals("second", answer(model, request("WriteCode", "a.py", 2)).text());
    }

    @Test
    void lastMatchingEntryRepeatsWhenEntriesRunOut() {
        ScriptedModel model = new ScriptedModel(List.of(
                entry("WriteDesign", null, "first design"),
                entry("WriteDesign", null, "last design")), "test.json");

        assertEquals("last design", answer(model, request("WriteDesign", null, 3)).text());
        assertEquals("last design", answer(model, request("WriteDesign", null, 50)).text());
    }

    @Test
    void requestWithNoMatchingEntryFailsNotRetryableNamingTheHeader() {
        ScriptedModel model = new ScriptedModel(List.of(entry("WriteCode", "a.py", "code")), "test.json");

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> answer(model, request("WriteCode", "missing.py", 1)));

        LlmFailure failure = assertInstanceOf(LlmFailure.class, thrown.getCause());
        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("Action: WriteCode file=missing.py"), failure.getMessage());
    }

    @Test
    void replyCarriesRoughTokenCounts() {
        ScriptedModel model = new ScriptedModel(List.of(entry("WritePRD", null, "# PRD\nGoals and stories.")),
                "test.json");

        LlmReply reply = answer(model, request("WritePRD", null, 1));

        assertTrue(reply.inputTokens() > 0, "input tokens: " + reply.inputTokens());
        assertTrue(reply.outputTokens() > 0, "output tokens: " + reply.outputTokens());
    }
}
