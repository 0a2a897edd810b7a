package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Engineer reads after a red run: the failing test, its assertion and frames, whatever else was printed. */
class BugReportContentTest {
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(4);
    @TempDir
    static Path dir;
    static CompanyUnderTest company;

    @BeforeAll
    static void start() {
        company = new CompanyUnderTest(dir.resolve("workspaces"), TEST_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    private static String testsAnswer(String testClass) {
        return "Here are the tests, including one on a long text.\n\n```python\nimport unittest\n\n"
                + "from textstats import top_words, words\n\n\n" + testClass + "\n\nif __name__ == \"__main__\":\n"
                + "    unittest.main()\n```\n";
    }

    @Test
    void afterATestPrinting200KbTheBugReportStillNamesTheTestAndItsAssertion() {
        String chatty = testsAnswer("class LongTextTest(unittest.TestCase):\n"
                + "    def test_top_word_of_a_long_text(self):\n"
                + "        for chunk in range(3000):\n"
                + "            print(f\"debug: counting chunk {chunk} \" + \"x\" * 60)\n"
                + "        self.assertEqual(top_words(\"Apple apple, pear\", 1), [(\"apple\", 2)])\n");
        Company.Status status = company.run("chatty", Scripts.demoWith("WriteTests", "test_wordfreq.py", chatty), 20);

        CommandExited firstRun = company.commands("chatty", QaEngineer.NAME, "exec:tests").get(0);
        String report = company.messages("chatty", MessageTypes.BUG_REPORT).get(0);
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(firstRun.output().contains("bytes of output cut]") || !firstRun.output().contains("debug:"),
                "the run printed more than is kept, or its runner captured it");
        assertTrue(report.startsWith("FAILED: the tests (exit 1, "), report);
        assertTrue(report.lines().findFirst().orElseThrow().contains("test_top_word_of_a_long_text"), report);
        assertTrue(report.contains("[('Apple', 1)] != [('apple', 2)]"), report);
        assertTrue(report.contains("test_wordfreq.py\", line 10") || report.contains("test_wordfreq.py:10: in"),
                "the test's own frame: " + report);
        assertTrue(report.length() < 8000, "length " + report.length());
    }

    @Test
    void aTimeoutNamesTheTestThatWasRunning() {
        String hanging = testsAnswer("class HangTest(unittest.TestCase):\n"
                + "    def test_waits_for_input(self):\n"
                + "        import time\n"
                + "        time.sleep(600)\n");
        company.run("hang", Scripts.demoWith("WriteTests", "test_wordfreq.py", hanging), 8);

        String report = company.messages("hang", MessageTypes.BUG_REPORT).get(0);
        assertTrue(report.startsWith("FAILED: the tests timed out after 4 s: while running "), report);
        assertTrue(report.lines().findFirst().orElseThrow().contains("test_waits_for_input"), report);
        assertTrue(report.contains("still running when the time limit was reached"), report);
    }
}
