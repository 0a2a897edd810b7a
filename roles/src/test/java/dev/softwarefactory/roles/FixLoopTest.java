package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.FixBug;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixes that do not converge end the run early, saying why, long before the round limit. */
class FixLoopTest {
    private static final int ROUND_LIMIT = 40;
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

    /** A whole textstats.py whose words() still keeps case and punctuation, with another top_words. */
    private static String fixThatMissesTheBug(String prose, String sortKey) {
        return prose + "\n\n## File: textstats.py\n```python\n\"\"\"Word splitting and counting for wordfreq.\"\"\"\n"
                + "from collections import Counter\n\n\ndef words(text: str) -> list[str]:\n"
                + "    \"\"\"The words of a text, lower-cased, without punctuation.\"\"\"\n    return text.split()\n\n\n"
                + "def top_words(text: str, n: int) -> list[tuple[str, int]]:\n"
                + "    counts = Counter(words(text))\n    return sorted(counts.items(), key=" + sortKey + ")[:n]\n```\n";
    }

    @Test
    void theSameFailureAfterTwoFixesEndsTheRunNamingTheFailure() {
        Company.Status status = company.run("circles", Scripts.demoWith("FixBug", null,
                fixThatMissesTheBug("The sort order of ties was unstable; it now sorts by count, then word.",
                        "lambda item: (-item[1], item[0])"),
                fixThatMissesTheBug("Naming the pair makes the sort key readable; the order is by count, then"
                        + " word.", "lambda pair: (-pair[1], pair[0])"),
                Scripts.reply("FixBug", null)), ROUND_LIMIT);

        List<String> bugReports = company.messages("circles", MessageTypes.BUG_REPORT);
        assertEquals(Outcome.FAILED, status.outcome());
        assertTrue(status.reason().startsWith("the same failure after 2 fixes (Failure signature: "), status.reason());
        assertTrue(status.reason().contains("so fixing goes in circles: FAILED: the tests: "), status.reason());
        assertTrue(status.reason().contains("test_wordfreq.WordsTest.test_ignores_case_and_punctuation")
                && status.reason().contains("test_wordfreq.MainTest.test_counts_words_from_standard_input"),
                "the failing tests are named: " + status.reason());
        assertEquals(3, bugReports.size(), "the first failure, and the same one after each of two fixes");
        assertEquals(2, company.prompts("circles", Engineer.NAME, FixBug.NAME).size(), "no third fix was asked for");
        assertTrue(status.rounds() < 12, "ended at round " + status.rounds() + " of " + ROUND_LIMIT);
    }

    @Test
    void twentyByteIdenticalFixesEndTheRunAtTheFirstRepetition() {
        String[] same = Collections.nCopies(20, fixThatMissesTheBug("Ties now sort alphabetically.",
                "lambda item: (-item[1], item[0])")).toArray(String[]::new);
        Company.Status status = company.run("identical", Scripts.demoWith("FixBug", null, same), ROUND_LIMIT);

        assertEquals(Outcome.FAILED, status.outcome());
        assertEquals("Engineer's FixBug failed: FixBug: the model's answer was rejected 3 times; last reason: the fix"
                + " changes nothing: textstats.py is the same as the current code. Change what makes the failure"
                + " happen.", status.reason());
        assertEquals(2, company.messages("identical", MessageTypes.BUG_REPORT).size());
        assertEquals(4, company.prompts("identical", Engineer.NAME, FixBug.NAME).size(),
                "one fix, then the repeated one asked three times");
        assertTrue(status.rounds() < 12, "ended at round " + status.rounds() + " of " + ROUND_LIMIT);
    }
}
