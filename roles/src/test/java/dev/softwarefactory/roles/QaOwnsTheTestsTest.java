package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.ReviseTests;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Engineer fixes source files; a test changes only when QA, holding the PRD, agrees. */
class QaOwnsTheTestsTest {
    @TempDir
    static Path dir;
    static CompanyUnderTest company;

    @BeforeAll
    static void start() {
        company = new CompanyUnderTest(dir.resolve("workspaces"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    /** The test file exactly as QA's WriteTests answer gave it. */
    private static String testAsQaWroteIt() {
        String reply = Scripts.reply("WriteTests", "test_wordfreq.py");
        return reply.substring(reply.indexOf("```python\n") + 10, reply.lastIndexOf("```"));
    }

    @Test
    void aFixThatLoosensATestIsSentBackAndTheTestFileStaysAsQaWroteIt() {
        String fix = Scripts.reply("FixBug", null);
        String loosening = "The tests are stricter than needed: case differences are harmless, so I compare"
                + " case-insensitively.\r\n\r\n" + fix.substring(fix.indexOf("## File:")).replace("\n", "\r\n")
                + "\r\n## File: test_wordfreq.py\r\n```python\r\n" + testAsQaWroteIt().replace(
                        "self.assertEqual(words(\"The cat, the HAT.\"), [\"the\", \"cat\", \"the\", \"hat\"])",
                        "self.assertEqual([w.lower() for w in words(\"The cat, the HAT.\")], [\"the\", \"cat\","
                                + " \"the\", \"hat\"])").replace("\n", "\r\n") + "```\r\n";
        Company.Status status = company.run("loosened", Scripts.demoWith("FixBug", null, loosening.replace("\r\n",
                "\n"), fix), 20);

        List<String> prompts = company.prompts("loosened", Engineer.NAME, "FixBug");
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals(testAsQaWroteIt(), company.files("loosened").get("test_wordfreq.py"));
        assertEquals(2, prompts.size());
        assertTrue(prompts.get(1).contains("test_wordfreq.py is a test file, and the tests are QA's: change source"
                + " files only (textstats.py, wordfreq.py)"), prompts.get(1));
    }

    @Test
    void aTestChangeRequestGoesToQaWhichRejectsItByTheAcceptanceCriteriaAndTheEngineerFixesTheCode() {
        String request = "Looking at the failure, `words` returns the words as written and the test expects them"
                + " lower-cased. The code follows the design's `re`-free description, so the test should change.\n\n"
                + "TEST CHANGE REQUEST: test_wordfreq.py, test_ignores_case_and_punctuation should compare without"
                + " regard to case and punctuation.\n";
        String rejection = "The request contradicts the PRD.\n\n**REJECTED:** the first acceptance criterion says"
                + " `words(\"The cat, the HAT.\")` is `[\"the\", \"cat\", \"the\", \"hat\"]`: lower-case and strip"
                + " punctuation in `textstats.words`.\n";
        List<dev.softwarefactory.llmgateway.ScriptEntry> script = new java.util.ArrayList<>(Scripts.demoWith("FixBug",
                null, request, Scripts.reply("FixBug", null)));
        script.add(new dev.softwarefactory.llmgateway.ScriptEntry(ReviseTests.NAME, null, rejection, 0));

        Company.Status status = company.run("rejected", script, 20);

        List<String> revisePrompts = company.prompts("rejected", QaEngineer.NAME, ReviseTests.NAME);
        List<String> bugReports = company.messages("rejected", MessageTypes.BUG_REPORT);
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals(1, revisePrompts.size());
        assertTrue(revisePrompts.get(0).contains("## Acceptance criteria\n- `words(\"The cat, the HAT.\")` is"
                + " `[\"the\", \"cat\", \"the\", \"hat\"]`."), revisePrompts.get(0));
        assertTrue(revisePrompts.get(0).contains("test_ignores_case_and_punctuation should compare without regard"),
                "the request is in QA's prompt");
        assertTrue(bugReports.get(1).startsWith(ReviseTests.REJECTED + ": the first acceptance criterion says"),
                bugReports.get(1));
        assertEquals(testAsQaWroteIt(), company.files("rejected").get("test_wordfreq.py"));
        assertTrue(company.files("rejected").get("textstats.py").contains("text.lower()"));
    }
}
