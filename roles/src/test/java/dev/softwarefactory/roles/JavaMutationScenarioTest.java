package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.actions.PitPom;
import dev.softwarefactory.actions.RunTests;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven project whose first JUnit 5 tests only assert that something came back: green, but PIT, run
 * offline from the project's own repository, finds that they prove nothing. QA strengthens them with
 * the surviving mutants named, and the stronger tests pass the check.
 */
class JavaMutationScenarioTest {
    private static final String RUN = "java-weak-tests";
    private static final String JUNIT5_PROBE = "package sfprobe;\n\nclass SfProbeTest {\n"
            + "    @org.junit.jupiter.api.Test\n    void resolves() {\n    }\n}\n";
    private static final String PRICING = "src/main/java/shop/Pricing.java";
    private static final String DIVISION_SURVIVOR = PRICING + ":15 in Pricing.discounted(): Replaced long division"
            + " with multiplication in `return cents * (100 - percent) / 100;`";
    @TempDir
    static Path workspaces;
    static Path repository;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheProjectWithPitOnTheFileRepository() {
        List<ScriptEntry> script = Scripts.resource("/scenarios/java-weak-tests.json");
        repository = MavenRepositories.resolvedFor(PitPom.withPit(MavenRepositories.pomOf(script)).orElseThrow(),
                JUNIT5_PROBE, Stream.concat(Stream.of("test"), PitPom.RESOLVE_GOALS.stream()).toList());
        company = new CompanyUnderTest(workspaces, new SoftwareCompany(Duration.ofMinutes(3),
                PackageSources.installerDefaults().withMavenMirror(repository.toUri().toString()),
                new MutationCheck.Settings(true, 15, 0.5, 1, 2)));
        status = company.run(RUN, script, 20);
    }

    @AfterAll
    static void stop() {
        company.close();
        MavenRepositories.delete(repository);
    }

    @Test
    void testsThatOnlyAssertNotNullPassButGoBackToQaWithPitsSurvivorsNamed() {
        List<String> reports = company.messages(RUN, MessageTypes.TEST_REPORT);
        List<CommandExited> tests = company.commands(RUN, QaEngineer.NAME, "exec:tests");

        assertEquals(0, tests.get(0).exitCode(), tests.get(0).output());
        assertTrue(reports.get(0).startsWith(RunTests.WEAK + ": mutation score"), reports.get(0));
        assertTrue(reports.get(0).contains("- " + DIVISION_SURVIVOR + "\n"), reports.get(0));
    }

    @Test
    void qasRevisionPromptNamesTheSurvivorsAndShowsTheTestsToStrengthen() {
        List<String> prompts = company.prompts(RUN, QaEngineer.NAME, "WriteTests");

        assertEquals(2, prompts.size());
        assertTrue(prompts.get(1).contains(DIVISION_SURVIVOR), prompts.get(1));
        assertTrue(prompts.get(1).contains("assertNotNull(Pricing.discounted(1000, 10));"), prompts.get(1));
    }

    @Test
    void theStrengthenedTestsPassTheCheckAndThePassedReportStatesTheScore() {
        List<String> reports = company.messages(RUN, MessageTypes.TEST_REPORT);
        String last = reports.get(reports.size() - 1);
        MutationCheck.Score score = MutationCheck.Score.in(last).orElseThrow();

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(last.startsWith(RunTests.PASSED), last);
        assertTrue(score.ratio() >= 0.5, score.toString());
        assertEquals(2, reports.size());
    }

    @Test
    void pitRanOfflineFromTheProjectsOwnRepository() {
        List<CommandExited> mutation = company.commands(RUN, QaEngineer.NAME, "exec:mutation");

        assertEquals(List.of(0, 0), mutation.stream().map(CommandExited::exitCode).toList());
        assertTrue(mutation.get(0).command().contains("-o"), mutation.get(0).command().toString());
        assertTrue(Files.isDirectory(company.workspace(RUN).resolve(".sf/m2/org/pitest/pitest-maven/" + PitPom.VERSION)));
    }
}
