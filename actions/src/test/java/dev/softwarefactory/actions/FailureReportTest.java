package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a bug report says: the failing tests, their assertions and frames, and the output's summary. */
class FailureReportTest {
    private static final TestResults ONE_FAILURE = new TestResults(6, List.of(new TestFailure(
            "test_wordfreq.WordsTest.test_ignores_case", "AssertionError: Lists differ: ['The'] != ['the']",
            List.of("test_wordfreq.py:12: in test_ignores_case", "    self.assertEqual(words(\"The\"), [\"the\"])"))));

    private static String chatty(String summary) {
        return "============================= test session starts ==============================\n"
                + "debug: counting chunk\n".repeat(10_000) + summary;
    }

    @Test
    void theReportListsEachFailingTestWithItsAssertionAndFramesBeforeTheOutput() {
        String report = FailureReport.render("the tests", "(exit 1, 230 ms)", ONE_FAILURE, chatty("1 failed\n"));

        assertTrue(report.startsWith("FAILED: the tests (exit 1, 230 ms): 1 of 6 tests failed:"
                + " test_wordfreq.WordsTest.test_ignores_case\n- test_wordfreq.WordsTest.test_ignores_case\n"
                + "  AssertionError: Lists differ: ['The'] != ['the']\n"
                + "    test_wordfreq.py:12: in test_ignores_case\n"), report);
        assertTrue(report.length() < FailureReport.OUTPUT_CHARS + 1000, "length " + report.length());
    }

    @Test
    void theRunnersFailureSummaryIsKeptWhateverWasPrintedBeforeIt() {
        String summary = "=========================== short test summary info ============================\n"
                + "FAILED test_wordfreq.py::test_words - AssertionError: assert ['The'] == ['the']\n"
                + "1 failed, 2 passed in 0.05s\n";

        String report = FailureReport.render("the tests", "(exit 1, 230 ms)", TestResults.NONE, chatty(summary));

        assertTrue(report.contains(summary), report);
        assertTrue(report.contains("test session starts"), "the head is kept too");
        assertTrue(report.contains(" characters cut ...]"), report);
    }

    @Test
    void aLongSummaryStillFitsTheBudgetAndKeepsItsEnd() {
        String summary = "=========================== short test summary info ============================\n"
                + "FAILED test_x.py::test_y - AssertionError: boom\n".repeat(400);

        String excerpt = FailureReport.excerpt(chatty(summary), 3000);

        assertEquals(3000, excerpt.length() - excerpt.substring(0, excerpt.indexOf("]\n") + 2).length());
        assertTrue(excerpt.endsWith("FAILED test_x.py::test_y - AssertionError: boom\n"));
    }

    @Test
    void aTimeoutSaysWhichTestWasRunning() {
        TestResults hung = new TestResults(0, List.of(TestFailure.hung("test_hang.py::test_waits_forever",
                List.of("File \"/ws/test_hang.py\", line 11 in helper"))));

        String report = FailureReport.render("the tests", "timed out after 20 s", hung, "");

        assertTrue(report.startsWith("FAILED: the tests timed out after 20 s: while running"
                + " test_hang.py::test_waits_forever\n"), report);
        assertTrue(report.contains("File \"/ws/test_hang.py\", line 11 in helper"), report);
    }

    @Test
    void theSignatureIsTheSameForTheSameFailureWhateverTheTimingsAndLineNumbers() {
        TestResults moved = new TestResults(6, List.of(new TestFailure("test_wordfreq.WordsTest.test_ignores_case",
                "AssertionError: Lists differ: ['The'] != ['the']", List.of("test_wordfreq.py:14: in test_ignores_case"))));

        String before = FailureReport.render("the tests", "(exit 1, 230 ms)", ONE_FAILURE, "in 0.05s");
        String after = FailureReport.render("the tests", "(exit 1, 911 ms)", moved, "in 0.31s");

        assertEquals(FailureReport.signatureOf(before), FailureReport.signatureOf(after));
        assertTrue(FailureReport.signatureOf(before).isPresent());
    }

    @Test
    void anotherAssertionIsAnotherSignature() {
        TestResults other = new TestResults(6, List.of(new TestFailure("test_wordfreq.WordsTest.test_ignores_case",
                "AssertionError: Lists differ: ['cat,'] != ['cat']", List.of())));

        assertNotEquals(FailureReport.signatureOf(FailureReport.render("the tests", "", ONE_FAILURE, "")),
                FailureReport.signatureOf(FailureReport.render("the tests", "", other, "")));
    }

    @Test
    void onlyRunTestsReportsHaveASignature() {
        assertEquals(Optional.empty(), FailureReport.signatureOf("QA rejected the test change request.\n\n"
                + FailureReport.render("the tests", "", ONE_FAILURE, "")));
    }
}
