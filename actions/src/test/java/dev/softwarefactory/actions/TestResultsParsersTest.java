package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each runner's parser on output its runner really wrote (recorded under test-results/). */
class TestResultsParsersTest {
    private static final ProjectFrames DEMO = new ProjectFrames(Answers.design());
    private static final ProjectFrames HANG = new ProjectFrames(Design.parse(Answers.withJson(
            Answers.DESIGN_JSON.replace("test_wordfreq.py", "test_hang.py"))));

    static String recorded(String name) {
        try (InputStream in = TestResultsParsersTest.class.getResourceAsStream("/test-results/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pytestJunitXmlGivesEachFailingTestWithItsAssertionAndItsProjectFrames() {
        TestResults results = JunitXml.parse(recorded("pytest-demo.xml"), DEMO);

        assertEquals(7, results.tests());
        assertEquals(List.of("test_wordfreq.WordsTest.test_ignores_case_and_punctuation",
                "test_wordfreq.MainTest.test_counts_words_from_standard_input",
                "test_wordfreq.ChattyTest.test_top_words_of_a_long_text"),
                results.failures().stream().map(TestFailure::test).toList());
        TestFailure first = results.failures().get(0);
        assertTrue(first.message().startsWith("AssertionError: Lists differ: ['The', 'cat,', 'the', 'HAT.'] !="
                + " ['the', 'cat', 'the', 'hat']"), first.message());
        assertEquals(List.of("test_wordfreq.py:12: in test_ignores_case_and_punctuation",
                "    self.assertEqual(words(\"The cat, the HAT.\"), [\"the\", \"cat\", \"the\", \"hat\"])"),
                first.frames());
    }

    @Test
    void surefireXmlKeepsTheTestsFrameAndDropsJunitsOwn() {
        TestResults results = JunitXml.parse(recorded("surefire-calc.xml"), new ProjectFrames(Design.parse(
                Answers.withJson("{\"language\": \"java\", \"language_version\": \"17\", \"files\": [\"pom.xml\","
                        + " \"src/main/java/calc/Calc.java\"], \"test_files\": [\"src/test/java/calc/CalcTest.java\"],"
                        + " \"interfaces\": {\"src/main/java/calc/Calc.java\": []}, \"dependencies\": [],"
                        + " \"build_command\": [], \"test_command\": [\"mvn\", \"test\"]}"))));

        assertEquals(2, results.tests());
        assertEquals(List.of(new TestFailure("calc.CalcTest.addsTwoNumbers", "expected: <5> but was: <-1>",
                List.of("at calc.CalcTest.addsTwoNumbers(CalcTest.java:10)"))), results.failures());
    }

    @Test
    void severalXmlDocumentsOneAfterTheOtherAreAllRead() {
        String two = recorded("surefire-calc.xml") + "\n" + recorded("pytest-demo.xml");

        assertEquals(9, JunitXml.parse(two, DEMO).tests());
    }

    @Test
    void anUnreadableReportIsNoResultsNotAnError() {
        assertEquals(TestResults.NONE, JunitXml.parse("<?xml version=\"1.0\"?><testsuite><testcase", DEMO));
        assertEquals(TestResults.NONE, JunitXml.parse("", DEMO));
    }

    @Test
    void aReportWithADoctypeIsNotExpanded() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase classname=\"t\" name=\"n\"><failure message=\"&e;\"/></testcase></testsuite>";

        assertEquals(TestResults.NONE, JunitXml.parse(hostile, DEMO));
    }

    @Test
    void aPytestTimeoutNamesTheTestThatWasRunningWithTheFramesFaulthandlerDumped() {
        TestResults results = PytestOutput.parse(recorded("pytest-hang.txt"), true, HANG);

        assertEquals(List.of(new TestFailure("test_hang.py::HangTest::test_waits_forever", TestFailure.STILL_RUNNING,
                List.of("File \"/tmp/qafix/test_hang.py\", line 15 in wait",
                        "File \"/tmp/qafix/test_hang.py\", line 12 in test_waits_forever"))), results.failures());
    }

    @Test
    void aPytestTimeoutAlsoNamesTheTestsThatFailedBeforeIt() {
        String output = "test_hang.py::HangTest::test_fine FAILED                                 [ 33%]\n"
                + "test_hang.py::HangTest::test_ok PASSED                                   [ 66%]\n"
                + "test_hang.py::HangTest::test_waits_forever ";

        assertEquals(List.of("test_hang.py::HangTest::test_fine", "test_hang.py::HangTest::test_waits_forever"),
                PytestOutput.parse(output, true, HANG).failures().stream().map(TestFailure::test).toList());
    }

    @Test
    void pytestsShortSummaryGivesTheFailuresWhenThereIsNoXml() {
        String output = "test_wordfreq.py::test_words FAILED\n"
                + "=========================== short test summary info ============================\n"
                + "FAILED test_wordfreq.py::test_words - AssertionError: assert ['The'] == ['the']\n"
                + "1 failed, 2 passed in 0.05s\n";

        assertEquals(List.of(new TestFailure("test_wordfreq.py::test_words", "AssertionError: assert ['The'] =="
                + " ['the']", List.of())), PytestOutput.parse(output, false, DEMO).failures());
    }

    @Test
    void unittestOutputGivesEachFailureWithTheExceptionLineAndTheDiffAfterIt() {
        TestResults results = UnittestOutput.parse(recorded("unittest-demo.txt"), false, DEMO);

        assertEquals(List.of("test_wordfreq.ChattyTest.test_top_words_of_a_long_text",
                "test_wordfreq.MainTest.test_counts_words_from_standard_input",
                "test_wordfreq.WordsTest.test_ignores_case_and_punctuation"),
                results.failures().stream().map(TestFailure::test).toList());
        TestFailure words = results.failures().get(2);
        assertTrue(words.message().startsWith("AssertionError: Lists differ: ['The', 'cat,', 'the', 'HAT.'] !="),
                words.message());
        assertTrue(words.message().endsWith("+ ['the', 'cat', 'the', 'hat']"), words.message());
        assertEquals(List.of("File \"/tmp/qafix/test_wordfreq.py\", line 12, in test_ignores_case_and_punctuation",
                "    self.assertEqual(words(\"The cat, the HAT.\"), [\"the\", \"cat\", \"the\", \"hat\"])"),
                words.frames());
    }

    @Test
    void aUnittestTimeoutNamesTheTestWhoseProgressLineHasNoOutcome() {
        TestResults results = UnittestOutput.parse(recorded("unittest-hang.txt"), true, HANG);

        assertEquals(List.of("test_hang.HangTest.test_waits_forever"),
                results.failures().stream().map(TestFailure::test).toList());
    }

    @Test
    void aUnittestRunThatFinishedNamesNoHungTest() {
        assertEquals(List.of(), UnittestOutput.parse("test_a (t.T.test_a) ... ok\ntest_b (t.T.test_b)\n"
                + "A docstring. ... ok\n", true, DEMO).failures());
    }

    @Test
    void nodesTapGivesTheFailingTestWithTheAssertionItsLocationAndTheTestFilesFrame() {
        TestResults results = NodeTestOutput.parse(recorded("node-tap.txt"), new ProjectFrames(Design.parse(
                Answers.withJson("{\"language\": \"javascript\", \"language_version\": \"20\", \"files\":"
                        + " [\"package.json\", \"calc.js\"], \"test_files\": [\"calc.test.js\"], \"interfaces\":"
                        + " {\"calc.js\": []}, \"dependencies\": [], \"build_command\": [], \"test_command\":"
                        + " [\"npm\", \"test\"]}"))));

        assertEquals(List.of(new TestFailure("adds two numbers", "AssertionError: Expected values to be strictly"
                + " equal: -1 !== 5", List.of("location: '/tmp/qaexp/node/calc.test.js:3:1'",
                        "TestContext.<anonymous> (/tmp/qaexp/node/calc.test.js:3:41)"))),
                results.failures());
    }

    /** node reports a test when it ends, so the one it was running is the first declared without a result. */
    @Test
    void aNodeRunThatTimedOutNamesTheFirstDeclaredTestWithoutAResult() {
        String tap = "TAP version 13\n# Subtest: adds two numbers\nok 1 - adds two numbers\n  ---\n"
                + "  duration_ms: 0.9\n  ...\n";
        String source = "const test = require('node:test');\n\ntest('adds two numbers', () => {});\n\n"
                + "test(\"waits for the total\", async () => {\n  await poll();\n});\n\ntest('later', () => {});\n";

        TestResults results = NodeTestOutput.parse(tap, true, DEMO, Map.of("calc.test.js", source));

        assertEquals(List.of(TestFailure.hung("waits for the total", List.of())), results.failures());
        assertEquals("while running waits for the total", FailureReport.headline(results));
    }

    @Test
    void aNodeRunThatEndedNamesNoHungTest() {
        String source = "test('adds two numbers', () => {});\n";

        assertEquals(List.of(), NodeTestOutput.parse("ok 1 - adds two numbers\n", false, DEMO,
                Map.of("calc.test.js", source)).failures());
    }
}
