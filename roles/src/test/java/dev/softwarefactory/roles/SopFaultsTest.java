package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad model answers and bad generated code: contained, reported, and the run ends saying why. */
class SopFaultsTest {
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(3);
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

    private static String python(String code) {
        return "```python\n" + code + "```\n";
    }

    @Test
    void aModelThatAnswersGarbageEndsTheRunNamingTheActionAndWhy() {
        Company.Status status = company.run("garbage", List.of(new ScriptEntry("WritePRD", null,
                "I am a teapot. 418.", 0)), 20);

        assertEquals(Outcome.FAILED, status.outcome());
        assertEquals("ProductManager's WritePRD failed: WritePRD: the model's answer was rejected 3 times; last reason:"
                + " the PRD lacks the sections (## headings): Goals, User stories, Requirement pool,"
                + " Acceptance criteria", status.reason());
        assertFalse(Files.exists(company.workspace("garbage").resolve("docs/prd.md")));
    }

    @Test
    void aMalformedAnswerFollowedByAGoodOneIsRepairedBySendingItBack() {
        String good = Scripts.reply("WriteDesign", null);
        Company.Status status = company.run("repaired", Scripts.demoWith("WriteDesign", null,
                good.replace("\"dependencies\": []", "\"dependencies\": [{\"name\": \"requests\"}]"), good), 20);

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
    }

    @Test
    void aCutOffAnswerEndsTheRunSayingItWasCutOff() {
        String cut = "```python\ndef words(text: str) -> list[str]:\n    return text.spl";
        Company.Status status = company.run("cut-off", Scripts.demoWith("WriteCode", "textstats.py", cut), 20);

        assertEquals(Outcome.FAILED, status.outcome());
        assertTrue(status.reason().startsWith("Engineer's WriteCode failed: WriteCode textstats.py: the model's answer"
                + " was rejected 3 times"), status.reason());
        assertTrue(status.reason().endsWith("the answer is cut off (a fenced block is not closed)"), status.reason());
    }

    @Test
    void aFilePathThatEscapesTheWorkspaceIsRefusedAndNothingIsWrittenOutside() {
        String escaping = Scripts.reply("FixBug", null).replace("## File: textstats.py", "## File: ../../escaped.py");
        Company.Status status = company.run("escape", Scripts.demoWith("FixBug", null, escaping), 20);

        assertEquals(Outcome.FAILED, status.outcome());
        assertTrue(status.reason().startsWith("Engineer's FixBug failed:"), status.reason());
        assertTrue(status.reason().endsWith("file path with '..' refused: ../../escaped.py"), status.reason());
        assertFalse(Files.exists(dir.resolve("escaped.py")));
        assertFalse(Files.exists(dir.resolve("workspaces/escaped.py")));
    }

    @Test
    void aTestThatHangsIsStoppedAtTheTimeLimitAndTheRepeatedFixEndsTheLoopBeforeTheRoundLimit() {
        String hanging = python("import time\nimport unittest\n\n\nclass Hang(unittest.TestCase):\n"
                + "    def test_waits_forever(self):\n        time.sleep(600)\n");
        Company.Status status = company.run("hang", Scripts.demoWith("WriteTests", "test_wordfreq.py", hanging), 20);

        List<CommandExited> tests = company.commands("hang", QaEngineer.NAME, "exec:tests");
        assertEquals(Outcome.FAILED, status.outcome());
        assertTrue(status.reason().endsWith("last reason: the fix changes nothing: textstats.py is the same as the"
                + " current code. Change what makes the failure happen."), status.reason());
        assertEquals(2, tests.size(), "the demo's one fix, then its repetition was refused");
        tests.forEach(t -> assertTrue(t.timedOut() && t.durationMillis() < TEST_TIMEOUT.toMillis() + 5000,
                "timed out near the limit: " + t.durationMillis() + " ms"));
    }

    @Test
    void aTestThatPrintsMegabytesHasItsOutputCapped() {
        String loud = python("import unittest\n\n\nclass Loud(unittest.TestCase):\n"
                + "    def test_prints_megabytes(self):\n        print('x' * 5_000_000)\n        self.fail()\n");
        Company.Status status = company.run("loud", Scripts.demoWith("WriteTests", "test_wordfreq.py", loud), 8);

        CommandExited first = company.commands("loud", QaEngineer.NAME, "exec:tests").get(0);
        assertEquals(Outcome.FAILED, status.outcome());
        assertEquals(1, first.exitCode());
        assertTrue(first.output().length() < CompanyUnderTest.OUTPUT_LIMIT + 100, "kept " + first.output().length());
        assertTrue(first.output().contains("bytes of output cut]"), first.output());
    }

    @Test
    void codeThatDoesNotImportGoesBackToTheEngineerBeforeAnyTestRuns() {
        String broken = Scripts.reply("WriteCode", "wordfreq.py").replace("from textstats import top_words",
                "from textstats import most_common");
        Company.Status status = company.run("inconsistent", Scripts.demoWith("WriteCode", "wordfreq.py", broken), 9);

        List<CommandExited> checks = company.commands("inconsistent", QaEngineer.NAME, "exec:check");
        assertEquals(Outcome.FAILED, status.outcome());
        assertEquals(1, checks.get(0).exitCode());
        assertTrue(checks.get(0).output().contains("does not import: wordfreq"), checks.get(0).output());
        assertTrue(company.commands("inconsistent", QaEngineer.NAME, "exec:tests").isEmpty());
    }

    @Test
    void filesTheTestsWriteStayInTheTestCopyAndAreNotDelivered() throws IOException {
        String writing = Scripts.reply("WriteTests", "test_wordfreq.py").replace("\n\nif __name__", "\n\n"
                + "class ReportTest(unittest.TestCase):\n    def test_writes_a_report(self):\n"
                + "        with open(\"report.txt\", \"w\") as handle:\n            handle.write(\"left over\")\n"
                + "\n\nif __name__");
        Company.Status status = company.run("leftovers", Scripts.demoWith("WriteTests", "test_wordfreq.py", writing),
                20);

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        // Every command runs in a fresh copy under .sf/ (the checks after the tests make theirs too), so the
        // file is in whichever copy ran the test last: anywhere under .sf/, never in the delivery.
        try (Stream<Path> runtimeFiles = Files.walk(company.workspace("leftovers").resolve(".sf"))) {
            assertTrue(runtimeFiles.anyMatch(file -> file.getFileName().toString().equals("report.txt")),
                    "the test wrote it");
        }
        assertFalse(company.files("leftovers").containsKey("report.txt"));
    }
}
