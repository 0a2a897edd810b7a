package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JavaScript project checked with node --check and tested with npm test: add() subtracts until fixed. */
class NodeScenarioTest {
    private static final String RUN = "node";
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheNodeScenario() {
        company = new CompanyUnderTest(workspaces, Duration.ofMinutes(1));
        status = company.run(RUN, Scripts.resource("/scenarios/node-calc.json"), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void npmTestFailsOnTheBugAndPassesAfterTheFix() {
        List<CommandExited> tests = company.commands(RUN, QaEngineer.NAME, "exec:tests");

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals(List.of(1, 0), tests.stream().map(CommandExited::exitCode).toList(),
                tests.isEmpty() ? "no test run" : tests.get(0).output());
        assertTrue(tests.get(0).output().contains("not ok 1 - adds two numbers"), tests.get(0).output());
    }

    @Test
    void thePromisedExportsWereChecked() {
        List<CommandExited> checks = company.commands(RUN, QaEngineer.NAME, "exec:interfaces");

        assertEquals(List.of(0, 0), checks.stream().map(CommandExited::exitCode).toList());
        assertTrue(checks.get(0).output().contains("0 problem(s) in 1 promised name(s) of 1 file(s)"),
                checks.get(0).output());
    }

    @Test
    void theBugReportNamesTheFailingTestWithItsAssertionFromNodesTap() {
        String report = company.messages(RUN, MessageTypes.BUG_REPORT).get(0);

        assertTrue(report.startsWith("FAILED: the tests (exit 1, "), report);
        assertTrue(report.contains("1 test failed: adds two numbers\n- adds two numbers\n  AssertionError: "), report);
    }

    @Test
    void theWorkspaceHoldsTheProjectAndNoBuildOutput() {
        assertEquals(Set.of("docs/prd.md", "docs/design.md", "docs/tasks.md", "package.json", "calc.js",
                "calc.test.js", "README.md", "package-lock.json"), company.files(RUN).keySet());
    }
}
