package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.actions.RunTests;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JavaScript project whose first node:test tests only check the types of the results: green, but the
 * JavaScript mutator finds that they prove nothing. QA strengthens them with the survivors named, and the
 * stronger tests kill every mutant.
 */
class NodeMutationScenarioTest {
    private static final String RUN = "node-weak-tests";
    private static final String BOUNDARY_SURVIVOR = "grades.js:5 in grade(): `>=` became `<` in `if (score >= 90) {`";
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void run() {
        company = new CompanyUnderTest(workspaces, new SoftwareCompany(Duration.ofMinutes(1),
                PackageSources.installerDefaults(), new MutationCheck.Settings(true, 15, 0.5, 1, 2)));
        status = company.run(RUN, Scripts.resource("/scenarios/node-weak-tests.json"), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void typeOnlyTestsPassButGoBackToQaWithTheSurvivingMutantsNamed() {
        String first = company.messages(RUN, MessageTypes.TEST_REPORT).get(0);

        assertTrue(first.startsWith(RunTests.WEAK + ": mutation score 0/13 (0%)"), first);
        assertTrue(first.contains("- " + BOUNDARY_SURVIVOR + "\n"), first);
        assertTrue(first.contains("- grades.js:24 in average(): `sum += s;` dropped\n"), first);
    }

    @Test
    void qasRevisionPromptNamesTheSurvivorsAndTheStrongerTestsKillEveryMutant() {
        List<String> prompts = company.prompts(RUN, QaEngineer.NAME, "WriteTests");
        List<String> reports = company.messages(RUN, MessageTypes.TEST_REPORT);

        assertEquals(2, prompts.size());
        assertTrue(prompts.get(1).contains(BOUNDARY_SURVIVOR), prompts.get(1));
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(reports.get(1).lines().findFirst().orElseThrow().endsWith("; mutation score 13/13 (100%)"),
                reports.get(1));
    }
}
