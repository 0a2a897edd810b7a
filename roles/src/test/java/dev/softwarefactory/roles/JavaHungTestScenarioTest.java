package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven project whose sumBelow() loops forever: JUnit stops the hung test at half the time limit,
 * so the bug report names it and the loop's frame instead of only saying the run timed out.
 */
class JavaHungTestScenarioTest {
    private static final String RUN = "java-hang";
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(60);
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheScenario() {
        company = new CompanyUnderTest(workspaces, TEST_TIMEOUT, PackageSources.installerDefaults()
                .withMavenMirror(MavenRepositories.local().toUri().toString()));
        status = company.run(RUN, Scripts.resource("/scenarios/java-hang.json"), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void theBugReportNamesTheHungTestAndTheLoopsFrame() {
        String report = company.messages(RUN, MessageTypes.BUG_REPORT).get(0);

        assertTrue(report.startsWith("FAILED: the tests (exit 1, "), report);
        assertTrue(report.lines().findFirst().orElseThrow().contains("calc.CalcTest.sumsTheNumbersBelowN"), report);
        assertTrue(report.contains("sumsTheNumbersBelowN() timed out after 30 seconds"), report);
        assertTrue(report.contains("calc.Calc.sumBelow(Calc.java:"), "the loop's frame: " + report);
    }

    @Test
    void theFixThatEndsTheLoopMakesTheRunGreen() {
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
    }
}
