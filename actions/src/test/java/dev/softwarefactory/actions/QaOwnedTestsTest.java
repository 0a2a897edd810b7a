package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests are QA's: the Engineer's fixes change source files, and a test changes only when QA agrees. */
class QaOwnedTestsTest {
    private static final Design DESIGN = Answers.design();
    private static final String TEST = "from textstats import words\n\n\ndef test_words():\n"
            + "    assert words(\"The cat.\") == [\"the\", \"cat\"]\n";
    private static final String CODE = "def words(text):\n    return text.split()\n";
    private static final Map<String, String> CURRENT = Map.of("textstats.py", CODE, "test_wordfreq.py", TEST);
    private static final String FIX = "Lower-casing and dropping punctuation fixes it.\n\n"
            + "## File: textstats.py\n```python\nimport re\n\n\ndef words(text):\n"
            + "    return re.findall(r\"[a-z0-9]+\", text.lower())\n```\n";
    private static final String LOOSENED_TEST = "The assertion is too strict, I relaxed it:\n\n"
            + "## File: test_wordfreq.py\n```python\nfrom textstats import words\n\n\ndef test_words():\n"
            + "    assert len(words(\"The cat.\")) == 2\n```\n";

    private static Message message(String id, String type, String causedBy, String content) {
        return new Message(id, "run", type, "someone", List.of(), causedBy, content);
    }

    @Test
    void aFixThatRewritesATestFileIsRejectedSayingTestsAreQas() {
        Answers.assertRejected(() -> FixAnswer.parse(FIX + "\n" + LOOSENED_TEST, DESIGN, CURRENT),
                "test_wordfreq.py is a test file, and the tests are QA's: change source files only"
                        + " (textstats.py, wordfreq.py)");
    }

    @Test
    void aTestFileGivenBackUnchangedBesideTheFixIsDroppedNotRejected() {
        String everyFile = FIX + "\nThe test file, for reference:\n\n## File: test_wordfreq.py\n```python\n" + TEST
                + "```\n";

        FixAnswer answer = FixAnswer.parse(everyFile, DESIGN, CURRENT);

        assertEquals(List.of("textstats.py"), List.copyOf(answer.files().files().keySet()));
    }

    @Test
    void aFixIdenticalToTheCodeItReplacesIsRejected() {
        String same = "Here is the corrected file.\n\n## File: textstats.py\n```python\n" + CODE + "\n```\n";

        Answers.assertRejected(() -> FixAnswer.parse(same, DESIGN, CURRENT),
                "the fix changes nothing: textstats.py is the same as the current code");
    }

    @Test
    void aTestChangeRequestNeedsNoFileButMustNameTheTestFile() {
        FixAnswer answer = FixAnswer.parse("The code follows the PRD; the test does not.\n\n"
                + "**TEST CHANGE REQUEST:** `test_wordfreq.py`, test_words expects \"The\" kept, but the acceptance"
                + " criteria say words are lower-cased.\n", DESIGN, CURRENT);

        assertEquals(Map.of(), answer.files().files());
        assertTrue(answer.testChangeRequest().orElseThrow().startsWith("`test_wordfreq.py`, test_words expects"),
                answer.testChangeRequest().toString());
        Answers.assertRejected(() -> FixAnswer.parse("TEST CHANGE REQUEST: the test is wrong\n", DESIGN, CURRENT),
                "must name the test file it is about (one of [test_wordfreq.py])");
    }

    @Test
    void fixBugSendsAWrittenTestToQaInsteadOfChangingIt() throws Exception {
        FakeContext context = new FakeContext().answer(FixBug.NAME, LOOSENED_TEST,
                FIX + "\n## Test change request\ntest_wordfreq.py: nothing to change after all, the fix above"
                        + " suffices; ignore if the test passes.\n");
        ActionInput input = new ActionInput(List.of(message("b1", MessageTypes.BUG_REPORT, null, "FAILED: the tests")),
                List.of(message("d", MessageTypes.SYSTEM_DESIGN, null, Answers.withJson(Answers.DESIGN_JSON)),
                        message("t", MessageTypes.TEST_CODE, null, new FileSet(Map.of("test_wordfreq.py", TEST))
                                .render()),
                        message("b1", MessageTypes.BUG_REPORT, null, "FAILED: the tests")));

        List<Draft> drafts = new FixBug().run(input, context);

        assertTrue(context.prompts.get(1).contains("test_wordfreq.py is a test file, and the tests are QA's"),
                "the rejection goes back to the model");
        assertEquals(List.of("textstats.py"), List.copyOf(context.files.keySet()), "no test file is written");
        assertEquals(List.of(MessageTypes.TEST_CHANGE_REQUEST), drafts.stream().map(Draft::type).toList());
        TestChangeRequest request = TestChangeRequest.parse(drafts.get(0).content(), DESIGN);
        assertTrue(request.files().files().get("textstats.py").contains("re.findall"), drafts.get(0).content());
        assertTrue(request.request().startsWith("test_wordfreq.py: nothing to change"), request.request());
    }

    @Test
    void qaJudgesARequestWithThePrdsAcceptanceCriteriaAndRejectsItBackToTheEngineer() throws Exception {
        String prd = "# PRD\n\n## Goals\n- count words\n\n## Acceptance criteria\n- `words(\"The cat.\")` is"
                + " `[\"the\", \"cat\"]`.\n\n## Open questions\n- none\n";
        FakeContext context = new FakeContext().answer(ReviseTests.NAME, "The test matches the first acceptance"
                + " criterion exactly.\n\nREJECTED: the PRD says `words(\"The cat.\")` is `[\"the\", \"cat\"]`;"
                + " lower-case the words in textstats.py instead.\n");
        Message request = message("r1", MessageTypes.TEST_CHANGE_REQUEST, "b1", new TestChangeRequest(
                "test_wordfreq.py: test_words should accept \"The\"", new FileSet(Map.of())).render());
        ActionInput input = new ActionInput(List.of(request), List.of(
                message("p", MessageTypes.PRD, null, prd),
                message("d", MessageTypes.SYSTEM_DESIGN, null, Answers.withJson(Answers.DESIGN_JSON)),
                message("b1", MessageTypes.BUG_REPORT, null, "FAILED: the tests: AssertionError: ['The'] != ['the']"),
                request));

        List<Draft> drafts = new ReviseTests().run(input, context);

        String prompt = context.prompts.get(0);
        assertTrue(prompt.contains("## Acceptance criteria\n- `words(\"The cat.\")` is `[\"the\", \"cat\"]`."), prompt);
        assertTrue(!prompt.contains("## Goals"), "the criteria, not the whole PRD");
        assertTrue(prompt.contains("test_words should accept \"The\""), prompt);
        assertTrue(prompt.contains("AssertionError: ['The'] != ['the']"), "the failure the request answers");
        assertEquals(List.of(MessageTypes.BUG_REPORT), drafts.stream().map(Draft::type).toList());
        assertTrue(drafts.get(0).content().startsWith(ReviseTests.REJECTED + ": the PRD says"), drafts.get(0).content());
        assertTrue(drafts.get(0).content().contains("AssertionError: ['The'] != ['the']"));
        assertEquals(Map.of(), context.files);
    }

    @Test
    void qaAcceptingARequestWritesTheRevisedTestAsNewTestCode() throws Exception {
        String revised = "You are right, the criterion only asks for the count.\n\n## File: test_wordfreq.py\n"
                + "```python\nfrom textstats import words\n\n\ndef test_words():\n"
                + "    assert words(\"The cat.\") == [\"the\", \"cat\"]\n\n\ndef test_counts():\n    assert 1 == 1\n```\n";
        FakeContext context = new FakeContext().answer(ReviseTests.NAME, revised);
        Message request = message("r1", MessageTypes.TEST_CHANGE_REQUEST, null, new TestChangeRequest(
                "test_wordfreq.py: add test_counts", new FileSet(Map.of())).render());

        List<Draft> drafts = new ReviseTests().run(new ActionInput(List.of(request), List.of(
                message("p", MessageTypes.PRD, null, "# PRD\n## Acceptance criteria\n- counts\n"),
                message("d", MessageTypes.SYSTEM_DESIGN, null, Answers.withJson(Answers.DESIGN_JSON)), request)),
                context);

        assertTrue(context.files.get("test_wordfreq.py").contains("def test_counts"));
        assertEquals(MessageTypes.TEST_CODE, drafts.get(0).type());
        assertTrue(drafts.get(0).content().startsWith(ReviseTests.REVISED), drafts.get(0).content());
    }

    @Test
    void qaRevisesTestFilesOnlyAndMustDecide() {
        Answers.assertRejected(() -> TestDecision.parse(FIX, DESIGN), "QA revises test files only (test_wordfreq.py),"
                + " not textstats.py");
        Answers.assertRejected(() -> TestDecision.parse("Let me think about it.", DESIGN),
                "or with a line \"REJECTED: <why>\"");
        assertEquals(Optional.of("the test is right."), TestDecision.parse("**Rejected:** the test is right.", DESIGN)
                .rejection());
    }

    @Test
    void codeBaseTakesTheSourceFilesSentWithARequest() {
        Message request = message("r", MessageTypes.TEST_CHANGE_REQUEST, null, new TestChangeRequest(
                "test_wordfreq.py: x", new FileSet(Map.of("textstats.py", "X = 1\n"))).render());

        assertEquals("X = 1\n", CodeBase.current(new ActionInput(List.of(), List.of(request)), DESIGN)
                .get("textstats.py"));
        assertThrows(AnswerRejected.class, () -> FixAnswer.parse("no files, no request", DESIGN, CURRENT));
    }
}
