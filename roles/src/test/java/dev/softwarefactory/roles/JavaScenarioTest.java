package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Maven project generated, compiled and tested with mvn -o: add() subtracts until the Engineer fixes it. */
class JavaScenarioTest {
    private static final String RUN = "java";
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheJavaScenario() {
        company = new CompanyUnderTest(workspaces, Duration.ofMinutes(2), PackageSources.installerDefaults()
                .withMavenMirror(MavenRepositories.local().toUri().toString()));
        status = company.run(RUN, Scripts.resource("/scenarios/java-calc.json"), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void mavenTestsFailOnTheBugAndPassAfterTheFix() {
        List<CommandExited> tests = company.commands(RUN, QaEngineer.NAME, "exec:tests");

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals(List.of(1, 0), tests.stream().map(CommandExited::exitCode).toList(),
                tests.isEmpty() ? "no test run" : tests.get(0).output());
        assertTrue(tests.get(0).output().contains("addsTwoNumbers"), tests.get(0).output());
    }

    @Test
    void theBugReportNamesTheFailingTestWithSurefiresAssertionAndTheTestsFrame() {
        String report = company.messages(RUN, MessageTypes.BUG_REPORT).get(0);

        assertTrue(report.startsWith("FAILED: the tests (exit 1, "), report);
        assertTrue(report.contains("1 of 2 tests failed: calc.CalcTest.addsTwoNumbers\n"
                + "- calc.CalcTest.addsTwoNumbers\n  expected: <5> but was: <-1>\n"
                + "    at calc.CalcTest.addsTwoNumbers(CalcTest.java:"), report);
    }

    @Test
    void theProjectCompilesBeforeItsTestsRun() {
        List<CommandExited> checks = company.commands(RUN, QaEngineer.NAME, "exec:check");

        assertEquals(List.of(0, 0), checks.stream().map(CommandExited::exitCode).toList());
    }

    @Test
    void thePromisedMethodsWereProbedAgainstTheCompiledClasses() {
        List<CommandExited> probes = company.commands(RUN, QaEngineer.NAME, "exec:interfaces");

        assertEquals(List.of(0, 0), probes.stream().map(CommandExited::exitCode).toList());
        assertTrue(probes.get(0).output().contains("every promised signature compiles against the code"),
                probes.get(0).output());
    }

    @Test
    void pluginsAndDependenciesAreResolvedIntoTheProjectsOwnRepositoryBeforeTheOfflineBuild() {
        Path repository = company.workspace(RUN).resolve(".sf/m2");

        assertTrue(Files.isDirectory(repository.resolve("org/junit/jupiter/junit-jupiter-api/5.10.2")));
        assertTrue(Files.isDirectory(repository.resolve("org/apache/maven/plugins/maven-surefire-plugin/3.2.5")));
        assertTrue(company.commands(RUN, QaEngineer.NAME, "exec:tests").get(0).command()
                .contains("-Dmaven.repo.local=../m2"));
    }

    @Test
    void buildOutputStaysOutOfTheProject() {
        assertEquals(Set.of("docs/prd.md", "docs/design.md", "docs/tasks.md", "pom.xml", "src/main/java/calc/Calc.java",
                "src/test/java/calc/CalcTest.java", "README.md"), company.files(RUN).keySet());
        assertFalse(Files.exists(company.workspace(RUN).resolve("target")));
    }
}
