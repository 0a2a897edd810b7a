package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole company on the demo scenario: a bug the real tests catch, a fix, green, delivered. */
class DemoScenarioTest {
    private static final String RUN = "demo";
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheDemo() {
        company = new CompanyUnderTest(workspaces, Duration.ofSeconds(60));
        status = company.run(RUN, Scripts.demo(), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void theRunSucceedsOnceTheProjectIsDelivered() {
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals("the project's tests pass and it is delivered", status.reason());
    }

    @Test
    void theTestCommandReallyFailedOnTheFirstVersionAndPassedAfterTheFix() {
        List<CommandExited> tests = company.commands(RUN, QaEngineer.NAME, "exec:tests");

        assertEquals(List.of(1, 0), tests.stream().map(CommandExited::exitCode).toList());
        assertTrue(tests.get(0).output().contains("test_ignores_case_and_punctuation"), tests.get(0).output());
    }

    @Test
    void theConsistencyCheckRanBeforeEachTestRun() {
        List<CommandExited> checks = company.commands(RUN, QaEngineer.NAME, "exec:check");

        assertEquals(List.of(0, 0), checks.stream().map(CommandExited::exitCode).toList());
    }

    @Test
    void theDesignsInterfacesWereCheckedBeforeEachTestRun() {
        List<CommandExited> checks = company.commands(RUN, QaEngineer.NAME, "exec:interfaces");

        assertEquals(List.of(0, 0), checks.stream().map(CommandExited::exitCode).toList());
        assertTrue(checks.get(0).output().contains("0 problem(s) in 3 promised name(s) of 2 file(s)"),
                checks.get(0).output());
    }

    @Test
    void aProjectWithoutDependenciesGetsACleanVenvAndNoInstall() {
        assertTrue(company.commands(RUN, QaEngineer.NAME, "exec:install").isEmpty());
        assertTrue(Files.exists(company.workspace(RUN).resolve(".sf/venv/bin/python")));
        assertFalse(Files.exists(company.workspace(RUN).resolve(".sf/venv/bin/pip")), "made without pip");
    }

    @Test
    void theTestsRanInTheProjectsVenvOnACopy() {
        CommandExited tests = company.commands(RUN, QaEngineer.NAME, "exec:tests").get(0);

        assertTrue(tests.command().contains("../venv/bin/python"), tests.command().toString());
        assertTrue(tests.command().get(2).contains("cd .sf/build"), tests.command().toString());
    }

    @Test
    void theWorkspaceHoldsWhatTheSopPromisesAndNothingElse() {
        Map<String, String> files = company.files(RUN);

        assertEquals(Set.of("docs/prd.md", "docs/design.md", "docs/tasks.md", "textstats.py", "wordfreq.py",
                "test_wordfreq.py", "README.md", "requirements.txt"), files.keySet());
        assertTrue(files.get("textstats.py").contains("text.lower()"), "the fixed version is on disk");
        assertTrue(files.get("README.md").contains("## Install"));
    }

    @Test
    void commandsLeaveNoCachesInTheWorkspace() {
        Path root = company.workspace(RUN);

        assertFalse(Files.exists(root.resolve("__pycache__")));
        assertFalse(Files.exists(root.resolve(".pytest_cache")));
    }
}
