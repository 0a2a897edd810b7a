package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.actions.RunTests;
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

/**
 * A Celsius to Fahrenheit conversion off by 64, and QA tests that only check types: green, but the
 * mutation check finds that they prove nothing. QA strengthens them with the survivors named, the
 * stronger tests catch the bug, the Engineer fixes it, and the run delivers the right conversion.
 */
class MutationScenarioTest {
    private static final String RUN = "weak-tests";
    private static final String OFFSET_SURVIVOR = "tempconv.py:7 in c_to_f(): `96` became `97`";
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void run() {
        // A budget above the project's mutation points: every mutant runs, so the survivors are known.
        company = new CompanyUnderTest(workspaces, new SoftwareCompany(Duration.ofSeconds(60), PackageSources.installerDefaults(),
                new MutationCheck.Settings(true, 100, 0.5, 1, 2)));
        status = company.run(RUN, Scripts.resource("/scenarios/tempconv-weak-tests.json"), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void theTypeOnlyTestsPassedTheWrongConversionAndTheMutationCheckSentThemBack() {
        List<String> reports = company.messages(RUN, MessageTypes.TEST_REPORT);

        assertTrue(reports.get(0).startsWith(RunTests.WEAK + ": mutation score"), reports.get(0));
        assertTrue(reports.get(0).contains("- " + OFFSET_SURVIVOR + "\n"), reports.get(0));
    }

    @Test
    void qasRevisionPromptNamesTheSurvivingMutantsAndShowsTheTestsToStrengthen() {
        List<String> prompts = company.prompts(RUN, QaEngineer.NAME, "WriteTests");

        assertEquals(2, prompts.size());
        assertTrue(prompts.get(1).contains(OFFSET_SURVIVOR), prompts.get(1));
        assertTrue(prompts.get(1).contains("self.assertIsInstance(c_to_f(20.0), float)"), prompts.get(1));
    }

    @Test
    void theStrengthenedTestsCaughtTheOffsetAndTheFixWasDelivered() {
        List<CommandExited> tests = company.commands(RUN, QaEngineer.NAME, "exec:tests");

        assertEquals(List.of(0, 1, 0), tests.stream().map(CommandExited::exitCode).toList());
        assertTrue(tests.get(1).output().contains("test_boiling_point"), tests.get(1).output());
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(company.files(RUN).get("tempconv.py").contains("celsius * 9 / 5 + 32"));
        assertTrue(company.files(RUN).get("test_tempconv.py").contains("assertEqual(c_to_f(100), 212.0)"));
    }

    @Test
    void theDeliveredTestsKillTheMutantsAndThePassedReportStatesTheScore() {
        List<String> reports = company.messages(RUN, MessageTypes.TEST_REPORT);
        String last = reports.get(reports.size() - 1);
        MutationCheck.Score score = MutationCheck.Score.in(last).orElseThrow();

        assertTrue(last.startsWith(RunTests.PASSED), last);
        assertTrue(score.ratio() >= 0.5, score.toString());
        assertEquals(2, company.commands(RUN, QaEngineer.NAME, "exec:mutation").size());
    }
}
