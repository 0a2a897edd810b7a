package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The design promises {@code main(argv)}; the Engineer writes the entry point under another name and
 * QA's tests never call it. The interface check names it in a bug report, and the fix restores it.
 */
class InterfaceScenarioTest {
    private static final String RUN = "no-main";
    private static final String WITHOUT_MAIN = "Here is `wordfreq.py`. I named the entry point `cli` since it is"
            + " the command-line layer:\n\n```python\nimport sys\n\nfrom textstats import top_words\n\n\n"
            + "def cli(argv):\n    for word, count in top_words(open(argv[0]).read(), 10):\n"
            + "        print(count, word)\n    return 0\n```\n\nRun it with `python3 wordfreq.py FILE`.\n";
    private static final String TESTS_OF_TEXTSTATS = "These tests cover the acceptance criteria of `textstats`:\n\n"
            + "```py\nimport unittest\n\nfrom textstats import top_words, words\n\n\n"
            + "class TextstatsTest(unittest.TestCase):\n    def test_ignores_case_and_punctuation(self):\n"
            + "        self.assertEqual(words(\"The cat, the HAT.\"), [\"the\", \"cat\", \"the\", \"hat\"])\n\n"
            + "    def test_most_frequent_first(self):\n"
            + "        self.assertEqual(top_words(\"b a b c b a\", 2), [(\"b\", 3), (\"a\", 2)])\n```\n";
    private static final String MAIN_RESTORED = "The interface check is right: the design promises `main(argv)`."
            + " I renamed `cli` back to `main` and made the file runnable.\n\n## File: wordfreq.py\n```python\n"
            + "import sys\n\nfrom textstats import top_words\n\n\ndef main(argv: list[str]) -> int:\n"
            + "    with open(argv[0], encoding=\"utf-8\") as handle:\n        text = handle.read()\n"
            + "    for word, count in top_words(text, 10):\n        print(f\"{count} {word}\")\n    return 0\n\n\n"
            + "if __name__ == \"__main__\":\n    sys.exit(main(sys.argv[1:]))\n```\n";
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void run() {
        // Off: these tests leave main() untested on purpose, which the mutation check would send back to QA.
        company = new CompanyUnderTest(workspaces, new SoftwareCompany(Duration.ofSeconds(60), PackageSources.installerDefaults(),
                MutationCheck.Settings.off()));
        List<ScriptEntry> script = new ArrayList<>();
        for (ScriptEntry entry : Scripts.demo()) {
            if (entry.action().equals("WriteCode") && "wordfreq.py".equals(entry.target())) {
                script.add(new ScriptEntry("WriteCode", "wordfreq.py", WITHOUT_MAIN, 0));
            } else if (entry.action().equals("WriteTests")) {
                script.add(new ScriptEntry("WriteTests", entry.target(), TESTS_OF_TEXTSTATS, 0));
            } else if (entry.action().equals("FixBug")) {
                script.add(new ScriptEntry("FixBug", null, MAIN_RESTORED, 0));
                script.add(entry);
            } else {
                script.add(entry);
            }
        }
        status = company.run(RUN, script, 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void theBugReportNamesTheMissingMainAndWhatTheDesignPromised() {
        String first = company.messages(RUN, MessageTypes.BUG_REPORT).get(0);

        assertTrue(first.startsWith("FAILED: the interface check"), first);
        assertTrue(first.contains("wordfreq.py: main is missing; the design promises: def main(argv: list[str]) -> int"),
                first);
    }

    @Test
    void theTestsRanOnlyOnceTheFixKeptThePromise() {
        List<CommandExited> checks = company.commands(RUN, QaEngineer.NAME, "exec:interfaces");

        assertEquals(List.of(1, 0, 0), checks.stream().map(CommandExited::exitCode).toList());
        assertEquals(2, company.commands(RUN, QaEngineer.NAME, "exec:tests").size());
    }

    @Test
    void theRunSucceedsWithMainDelivered() {
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(company.files(RUN).get("wordfreq.py").contains("def main(argv: list[str]) -> int"));
    }
}
