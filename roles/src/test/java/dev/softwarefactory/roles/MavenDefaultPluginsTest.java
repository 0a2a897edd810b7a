package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pom that names no plugin, so Maven uses its default (old) plugin versions, built with the install
 * step against a file repository the test resolved beforehand: the install fetches every plugin into
 * the project's own repository, then the check and the tests run offline.
 */
class MavenDefaultPluginsTest {
    private static final String RUN = "java-defaults";
    private static final String JUNIT4_PROBE = "package sfprobe;\n\npublic class SfProbeTest {\n"
            + "    @org.junit.Test\n    public void resolves() {\n    }\n}\n";
    @TempDir
    static Path workspaces;
    static Path repository;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheProjectOnTheFileRepository() {
        List<ScriptEntry> script = Scripts.resource("/scenarios/java-default-plugins.json");
        repository = MavenRepositories.resolvedFor(MavenRepositories.pomOf(script), JUNIT4_PROBE);
        company = new CompanyUnderTest(workspaces, Duration.ofMinutes(3), PackageSources.installerDefaults()
                .withMavenMirror(repository.toUri().toString()));
        status = company.run(RUN, script, 20);
    }

    @AfterAll
    static void stop() {
        company.close();
        MavenRepositories.delete(repository);
    }

    @Test
    void theDefaultPluginsAreInstalledIntoTheProjectsRepositoryAndTheTestsRunOffline() {
        List<CommandExited> tests = company.commands(RUN, QaEngineer.NAME, "exec:tests");

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals(List.of(1, 0), tests.stream().map(CommandExited::exitCode).toList(),
                tests.isEmpty() ? "no test run" : tests.get(0).output());
        assertTrue(tests.get(0).output().contains("addsTwoNumbers"), tests.get(0).output());
        assertTrue(tests.get(0).command().contains("-o"));
        assertTrue(Files.isDirectory(company.workspace(RUN)
                .resolve(".sf/m2/org/apache/maven/plugins/maven-surefire-plugin/2.12.4")));
    }

    @Test
    void theInstallFetchedFromTheMirrorAlone() {
        CommandExited install = company.commands(RUN, QaEngineer.NAME, "exec:install").get(0);

        assertEquals(0, install.exitCode(), install.output());
        assertTrue(install.command().get(install.command().size() - 1).contains("<mirrorOf>*</mirrorOf><url>"
                + repository.toUri()), install.command().toString());
    }
}
