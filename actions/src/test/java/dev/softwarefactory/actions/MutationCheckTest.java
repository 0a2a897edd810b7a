package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What RunTests and WriteTests do with the mutation check's verdict, on a fake context. */
class MutationCheckTest {
    private static final String DESIGN = Answers.withJson(Answers.DESIGN_JSON);
    private static final MutationCheck.Settings ON = new MutationCheck.Settings(true, 15, 0.5, 1, 2);
    private static final String WEAK_OUTPUT = "killed: textstats.py:4 in words(): `text.split()` dropped\n"
            + "survived: wordfreq.py:15 in main(): `2` became `3`\n"
            + "survived: wordfreq.py:21 in main(): `text = handle.read()` dropped\n"
            + "survived: textstats.py:8 in top_words(): `n` became `n + 1`\n"
            + "mutation score: 1/4 killed (12 mutation points, 0.8 s)\n";

    private static Message message(String type, String content) {
        return new Message(type + "-" + content.hashCode(), "run", type, "someone", List.of(), null, content);
    }

    private static List<Draft> runTests(MutationCheck.Settings settings, String mutationOutput, Message... earlier) {
        List<Message> memory = new ArrayList<>(List.of(message(MessageTypes.SYSTEM_DESIGN, DESIGN)));
        memory.addAll(List.of(earlier));
        FakeContext context = new FakeContext().exits("mutation", 0, mutationOutput);
        return new RunTests(Duration.ofSeconds(5), PackageSources.installerDefaults(), settings)
                .run(new ActionInput(List.of(memory.get(memory.size() - 1)), memory), context);
    }

    @Test
    void greenTestsThatLetMostMutantsLiveGoBackToQaWithEverySurvivorNamed() {
        List<Draft> drafts = runTests(ON, WEAK_OUTPUT);

        assertEquals(1, drafts.size());
        assertEquals(MessageTypes.TEST_REPORT, drafts.get(0).type());
        String report = drafts.get(0).content();
        assertTrue(report.startsWith("WEAK: mutation score 1/4 (25%), below the minimum 50%"), report);
        assertTrue(report.contains("- wordfreq.py:15 in main(): `2` became `3`\n"), report);
        assertTrue(report.contains("- wordfreq.py:21 in main(): `text = handle.read()` dropped\n"), report);
        assertFalse(report.contains("text.split()"), "killed mutants are not listed");
    }

    @Test
    void aGoodScoreIsStatedOnThePassedReportsFirstLine() {
        List<Draft> drafts = runTests(ON, "survived: wordfreq.py:15 in main(): `2` became `3`\n"
                + "mutation score: 9/10 killed (10 mutation points, 0.5 s)\n");

        String first = testReport(drafts).content().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith(RunTests.PASSED) && first.endsWith("; mutation score 9/10 (90%)"), first);
        assertEquals(Optional.of(new MutationCheck.Score(9, 10)), MutationCheck.Score.in(testReport(drafts).content()));
    }

    @Test
    void afterTheLastRevisionWeakTestsPassWithTheirScoreStated() {
        List<Draft> drafts = runTests(ON, WEAK_OUTPUT, message(MessageTypes.TEST_REPORT, "WEAK: first"),
                message(MessageTypes.TEST_REPORT, "WEAK: second"));

        assertTrue(testReport(drafts).content().startsWith(RunTests.PASSED), testReport(drafts).content());
        assertTrue(testReport(drafts).content().lines().findFirst().orElseThrow().endsWith("mutation score 1/4 (25%)"));
    }

    @Test
    void aCheckThatGaveNoScoreLeavesTheTestsVerdict() {
        List<Draft> drafts = runTests(ON, "mutation check skipped: the unchanged tests failed in the mutation copy\n");

        assertEquals(RunTests.PASSED + " (exit 0, 1 ms)", testReport(drafts).content().lines().findFirst().orElseThrow());
    }

    @Test
    void switchedOffTheCheckRunsNoCommand() {
        Design design = Answers.design();

        assertEquals(Optional.empty(), new MutationCheck(MutationCheck.Settings.off()).command(design,
                new ProjectCommands(design), true, Duration.ofMinutes(1)));
    }

    @Test
    void theCommandCarriesTheBudgetTheSeedAndTheRunnerOfTheTestCommand() {
        Design design = Answers.design();
        List<String> command = new MutationCheck(new MutationCheck.Settings(true, 7, 0.5, 42, 2)).command(design,
                new ProjectCommands(design), false, Duration.ofMinutes(2)).orElseThrow();

        String args = String.join(" ", command);
        assertTrue(args.contains("--seed 42 --max-mutants 7 --runner unittest --time-budget 90 --interfaces"), args);
    }

    @Test
    void aWeakReportMakesWriteTestsStrengthenTheTestsWithTheSurvivorsInThePrompt() throws Exception {
        String weak = runTests(ON, WEAK_OUTPUT).get(0).content();
        FakeContext context = new FakeContext().answer(WriteTests.NAME, "```python\ndef test_more():\n    assert words(\"a b\") == [\"a\", \"b\"]\n```\n");
        Message tests = message(MessageTypes.TEST_CODE, "## File: test_wordfreq.py\n```\ndef test_old():\n"
                + "    assert callable(main)\n```\n");

        List<Draft> drafts = new WriteTests().run(new ActionInput(List.of(message(MessageTypes.TEST_REPORT, weak)),
                List.of(message(MessageTypes.PRD, "the PRD"), message(MessageTypes.SYSTEM_DESIGN, DESIGN), tests,
                        message(MessageTypes.TEST_REPORT, weak))), context);

        String prompt = context.prompts.get(0);
        assertTrue(prompt.contains("makes at least one test fail"), prompt);
        assertTrue(prompt.contains("- wordfreq.py:15 in main(): `2` became `3`"), prompt);
        assertTrue(prompt.contains("assert callable(main)"), "the current tests are in the prompt");
        assertEquals("def test_more():\n    assert words(\"a b\") == [\"a\", \"b\"]\n", context.files.get("test_wordfreq.py"));
        assertEquals(MessageTypes.TEST_CODE, drafts.get(0).type());
    }

    /** The report among a green run's drafts (the tested environment goes first). */
    private static Draft testReport(List<Draft> drafts) {
        return drafts.stream().filter(d -> d.type().equals(MessageTypes.TEST_REPORT)).findFirst().orElseThrow();
    }
}
