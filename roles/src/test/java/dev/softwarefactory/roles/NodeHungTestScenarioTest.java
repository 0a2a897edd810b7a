package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JavaScript project whose sumAsync() reschedules itself forever: npm test runs into the time
 * limit, and the bug report names the test node was running, not only that the run timed out.
 */
class NodeHungTestScenarioTest {
    private static final String RUN = "node-hang";
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(8);
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheScenario() {
        company = new CompanyUnderTest(workspaces, TEST_TIMEOUT);
        status = company.run(RUN, Scripts.resource("/scenarios/node-hang.json"), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void theBugReportNamesTheTestThatWasRunningAtTheTimeLimit() {
        String report = company.messages(RUN, MessageTypes.BUG_REPORT).get(0);

        assertTrue(report.startsWith("FAILED: the tests timed out after 8 s: while running sums a list"
                + " asynchronously\n"), report);
        assertTrue(report.contains("- sums a list asynchronously\n  still running when the time limit was reached"),
                report);
    }

    @Test
    void theFixThatAdvancesTheLoopMakesTheRunGreen() {
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
    }
}
