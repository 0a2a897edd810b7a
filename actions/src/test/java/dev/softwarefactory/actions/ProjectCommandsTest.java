package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectCommandsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static Design design(String json) {
        return Design.parse(Answers.withJson(json));
    }

    @Test
    void pythonRunsPytestWithoutItsCacheWhenItIsImportable() {
        List<String> tests = new ProjectCommands(Answers.design()).tests(true, TIMEOUT);

        assertTrue(tests.containsAll(List.of("python3", "-m", "pytest", "no:cacheprovider")), tests.toString());
    }

    @Test
    void pytestWritesJunitXmlNamesTestsAsTheyStartAndDumpsAHungTestsStackAtHalfTheTimeLimit() {
        List<String> tests = new ProjectCommands(Answers.design()).tests(true, TIMEOUT);

        assertTrue(tests.containsAll(List.of("-v", "PYTHONUNBUFFERED=1", "--junitxml=" + TestRunReader.PYTEST_XML,
                "faulthandler_timeout=10")), tests.toString());
        assertTrue(tests.get(2).startsWith("rm -rf .sf/test-results"), "no stale report is read: " + tests);
    }

    @Test
    void pythonFallsBackToUnittestWithoutPytest() {
        assertEquals(List.of("python3", "-m", "unittest", "discover", "-v"),
                new ProjectCommands(Answers.design()).tests(false, TIMEOUT));
    }

    @Test
    void pythonsConsistencyCheckCompilesEveryFileAndImportsTheSources() {
        List<String> check = new ProjectCommands(Answers.design()).consistencyCheck();

        assertEquals(List.of("--sources", "textstats.py", "wordfreq.py", "--tests", "test_wordfreq.py"),
                check.subList(3, check.size()));
    }

    @Test
    void javaBuildsOfflineInACopyUnderTheRuntimeFolder() {
        Design java = design(Answers.DESIGN_JSON.replace("\"python\"", "\"java\"")
                .replace("\"files\": [\"textstats.py\", \"wordfreq.py\"]", "\"files\": [\"pom.xml\", \"textstats.py\","
                        + " \"wordfreq.py\"]"));
        List<String> tests = new ProjectCommands(java).tests(false, TIMEOUT);

        assertTrue(tests.get(2).contains("cd .sf/build"), tests.toString());
        assertEquals(List.of("mvn", "-o", "-q", "-B", "test"), tests.subList(4, tests.size()));
    }

    @Test
    void nothingIsInstalledWithoutDependencies() {
        assertEquals(Optional.empty(), DependencyInstall.command(Answers.design()));
    }

    @Test
    void pinnedPythonDependenciesGoIntoAVenvUnderTheRuntimeFolder() {
        Design withRequests = design(Answers.DESIGN_JSON.replace("\"dependencies\": []",
                "\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}]"));

        List<String> install = DependencyInstall.command(withRequests).orElseThrow();

        assertTrue(install.get(2).contains("python3 -m venv --system-site-packages .sf/venv"), install.toString());
        assertEquals("requests==2.31.0", install.get(install.size() - 1));
        assertEquals(ProjectCommands.VENV_PYTHON, new ProjectCommands(withRequests).tests(false, TIMEOUT).get(0));
    }
}
