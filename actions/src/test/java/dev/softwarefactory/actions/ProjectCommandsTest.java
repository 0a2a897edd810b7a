package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.action.Network;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Design WITH_REQUESTS = design(Answers.DESIGN_JSON.replace("\"dependencies\": []",
            "\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}]"));
    private static final Design JAVA = design(Answers.DESIGN_JSON.replace("\"python\"", "\"java\"")
            .replace("\"files\": [\"textstats.py\", \"wordfreq.py\"]", "\"files\": [\"pom.xml\", \"textstats.py\","
                    + " \"wordfreq.py\"]"));

    private static Design design(String json) {
        return Design.parse(Answers.withJson(json));
    }

    @Test
    void pythonRunsPytestOfTheVenvWithoutItsCacheInATestCopy() {
        List<String> tests = new ProjectCommands(Answers.design()).tests(true, TIMEOUT);

        assertTrue(tests.get(2).contains("cd .sf/build"), tests.toString());
        assertTrue(tests.containsAll(List.of("../venv/bin/python", "-m", "pytest", "no:cacheprovider")),
                tests.toString());
    }

    @Test
    void pytestWritesJunitXmlNamesTestsAsTheyStartAndDumpsAHungTestsStackAtHalfTheTimeLimit() {
        List<String> tests = new ProjectCommands(Answers.design()).tests(true, TIMEOUT);

        assertTrue(tests.containsAll(List.of("-v", "PYTHONUNBUFFERED=1", "--junitxml=../test-results/pytest.xml",
                "faulthandler_timeout=10")), tests.toString());
        assertTrue(tests.get(6).startsWith("rm -rf ../test-results"), "no stale report is read: " + tests);
    }

    @Test
    void pythonFallsBackToUnittestWithoutPytest() {
        List<String> tests = new ProjectCommands(Answers.design()).tests(false, TIMEOUT);

        assertEquals(List.of("../venv/bin/python", "-m", "unittest", "discover", "-v"),
                tests.subList(tests.size() - 5, tests.size()));
    }

    @Test
    void pythonCommandsDropTheHostsPythonPath() {
        List<String> check = new ProjectCommands(Answers.design()).consistencyCheck();

        assertEquals(List.of("env", "-u", "PYTHONPATH", "-u", "PYTHONHOME"), check.subList(4, 9));
    }

    @Test
    void pythonsConsistencyCheckCompilesEveryFileAndImportsTheSources() {
        List<String> check = new ProjectCommands(Answers.design()).consistencyCheck();

        assertEquals(List.of("--sources", "textstats.py", "wordfreq.py", "--tests", "test_wordfreq.py"),
                check.subList(check.size() - 5, check.size()));
    }

    @Test
    void javaBuildsOfflineAgainstTheProjectsOwnRepositoryInACopy() {
        List<String> tests = new ProjectCommands(JAVA).tests(false, TIMEOUT);

        assertTrue(tests.get(2).contains("cd .sf/build"), tests.toString());
        assertEquals(List.of("mvn", "-q", "-B", "-o", "-Dmaven.repo.local=../m2"), tests.subList(4, 9));
        assertEquals("test", tests.get(tests.size() - 1));
    }

    @Test
    void jUnitFailsAJavaTestStillRunningAtHalfTheTimeLimitInAThreadOfItsOwn() {
        List<String> tests = new ProjectCommands(JAVA).tests(false, Duration.ofSeconds(20));

        assertTrue(tests.contains("-Djunit.jupiter.execution.timeout.default=10s"), tests.toString());
        assertTrue(tests.contains("-Djunit.jupiter.execution.timeout.thread.mode.default=SEPARATE_THREAD"),
                tests.toString());
    }

    @Test
    void javaWithAMirrorUsesTheSettingsTheInstallWrote() {
        PackageSources mirror = PackageSources.installerDefaults().withMavenMirror("file:///srv/m2");

        List<String> check = new ProjectCommands(JAVA, mirror).consistencyCheck();
        List<String> install = ProjectEnvironment.of(JAVA, mirror).steps().get(0).command();

        assertTrue(check.containsAll(List.of("-s", "../maven-settings.xml")), check.toString());
        assertTrue(install.get(install.size() - 1).contains("<url>file:///srv/m2</url>"), install.toString());
    }

    @Test
    void aPythonProjectWithoutDependenciesGetsAVenvAndNoInstall() {
        List<EnvironmentStep> steps = ProjectEnvironment.of(Answers.design(), PackageSources.installerDefaults())
                .steps();

        assertEquals(List.of(EnvironmentStep.CREATE), steps.stream().map(EnvironmentStep::key).toList());
        assertEquals("no", steps.get(0).command().get(steps.get(0).command().size() - 1));
        assertFalse(steps.get(0).command().get(2).contains("--system-site-packages"));
    }

    @Test
    void pinnedPythonDependenciesGoIntoTheVenvAndOnlyTheirInstallMayUseTheNetwork() {
        List<EnvironmentStep> steps = ProjectEnvironment.of(WITH_REQUESTS, PackageSources.installerDefaults())
                .steps();

        assertEquals(List.of(Network.NONE, Network.ALLOWED), steps.stream().map(EnvironmentStep::network).toList());
        List<String> install = steps.get(1).command();
        assertTrue(install.get(2).contains("-m pip --python \"$venv/bin/python\" install"), install.toString());
        assertEquals("requests==2.31.0", install.get(install.size() - 1));
    }

    @Test
    void configuredPythonSourcesReplacePipsOwnConfiguration() {
        PackageSources sources = new PackageSources("https://pypi.example/simple", List.of("https://extra/simple"),
                List.of("/srv/wheels"), false, "", "");

        List<String> install = ProjectEnvironment.of(WITH_REQUESTS, sources).steps().get(1).command();

        assertEquals(List.of("env", "PIP_CONFIG_FILE=/dev/null"), install.subList(0, 2));
        assertTrue(String.join(" ", install).endsWith("--isolated --index-url https://pypi.example/simple"
                + " --extra-index-url https://extra/simple --find-links /srv/wheels requests==2.31.0"), install.toString());
    }

    @Test
    void pipKeepsItsOwnConfigurationWhenNoSourceIsConfigured() {
        List<String> install = ProjectEnvironment.of(WITH_REQUESTS, PackageSources.installerDefaults()).steps()
                .get(1).command();

        assertEquals("sh", install.get(0));
        assertFalse(install.contains("--isolated"));
    }

    @Test
    void aCheckAfterTheBuildRunsInTheCopyItCompiledWhileTheCopyHoldsTheProjectAsItIs(@TempDir Path dir) {
        LocalCommand.write(dir, Map.of("Calc.java", "class Calc {}\n"));
        List<String> copied = ProjectCommands.inLastBuildCopy(List.of("sh", "-c", "mkdir -p target && ls target"));
        LocalCommand.run(dir, copied);
        LocalCommand.write(dir, Map.of(".sf/build/target/compiled", ""));

        assertEquals("compiled\n", LocalCommand.run(dir, copied).output(), "the compiled copy is used");
        LocalCommand.write(dir, Map.of("Calc.java", "class Calc { int x; }\n"));
        assertEquals("", LocalCommand.run(dir, copied).output(), "a changed file makes a fresh copy");
    }
}
