package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.actions.Wheelhouse;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python projects with third-party packages, installed by the real pip from a wheelhouse the test
 * builds (--no-index --find-links, no network), into a venv that holds nothing else.
 */
class DependencyScenarioTest {
    @TempDir
    static Path dir;
    static CompanyUnderTest company;
    static Wheelhouse wheels;

    @BeforeAll
    static void start() {
        wheels = new Wheelhouse(SandboxVisible.parent()).add("wordsplit", "1.0.0", "wordsplit", DemoScenario.WORDSPLIT)
                // A stand-in named like the package the host has installed (the host's python3 imports requests).
                .add("requests", "2.31.0", "requests", "def get(url, timeout=None):\n"
                        + "    raise OSError('a stand-in cannot fetch ' + url)\n");
        company = new CompanyUnderTest(dir.resolve("workspaces"), Duration.ofMinutes(1),
                PackageSources.wheelhouse(wheels.folder().toString()));
    }

    @AfterAll
    static void stop() {
        company.close();
        wheels.close();
    }

    static List<ScriptEntry> withWordsplit(String version) {
        return DemoScenario.withWordsplit(version).stream()
                .map(e -> new ScriptEntry(e.action(), e.target(), e.reply(), 0)).toList();
    }

    @Test
    void aPinnedPackageIsInstalledIntoTheVenvAndDeliveredWithItsVersion() throws IOException {
        Company.Status status = company.run("pinned", withWordsplit("1.0.0"), 20);

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(installed("pinned", "wordsplit/__init__.py"), "wordsplit is in .sf/venv");
        assertTrue(company.files("pinned").get("requirements.txt").lines().anyMatch("wordsplit==1.0.0"::equals),
                company.files("pinned").get("requirements.txt"));
        assertTrue(company.messages("pinned", MessageTypes.BUG_REPORT).isEmpty(), "it passed at once");
    }

    @Test
    void aPinThatDoesNotExistGoesToTheArchitectWhoRevisesItAndNoFixIsSpent() {
        List<ScriptEntry> script = new ArrayList<>(withWordsplit("9.9.9"));
        script.add(new ScriptEntry("ReviseDependencies", null, "wordsplit 9.9.9 was never released; 1.0.0 is the"
                + " current one.\n\n```json\n{\"dependencies\": [{\"name\": \"wordsplit\", \"version\":"
                + " \"1.0.0\"}], \"reason\": \"wordsplit 9.9.9 does not exist\"}\n```\n", 0));

        Company.Status status = company.run("missing-pin", script, 20);

        List<String> problems = company.messages("missing-pin", MessageTypes.DEPENDENCY_PROBLEM);
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("No matching distribution found for wordsplit==9.9.9"), problems.get(0));
        assertTrue(company.messages("missing-pin", MessageTypes.BUG_REPORT).isEmpty(), "no FixBug round");
        assertTrue(company.files("missing-pin").get("docs/design.md").contains("wordsplit 9.9.9 does not exist"));
        assertTrue(company.files("missing-pin").get("requirements.txt").contains("wordsplit==1.0.0"));
    }

    @Test
    void anImportOfAHostPackageTheDesignDoesNotPinIsCaughtDeclaredAndDelivered() throws Exception {
        Process host = new ProcessBuilder("python3", "-c", "import requests").start();
        assertEquals(0, host.waitFor(), "precondition: the host's python3 has requests (.ci/run installs it)");
        String fetching = Scripts.reply("WriteCode", "wordfreq.py").replace("import sys\n", "import sys\n\nimport requests\n")
                .replace("        if args.file == \"-\":", "        if args.file.startswith((\"http://\", \"https://\")):\n"
                        + "            text = requests.get(args.file, timeout=10).text\n        elif args.file == \"-\":");
        List<ScriptEntry> script = new ArrayList<>(Scripts.demoWith("WriteCode", "wordfreq.py", fetching));
        script.add(new ScriptEntry("ReviseDependencies", null, "wordfreq.py reads web pages with requests, so the"
                + " design pins it.\n\n```json\n{\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}],"
                + " \"reason\": \"wordfreq.py fetches URLs with requests\"}\n```\n", 0));

        Company.Status status = company.run("undeclared", script, 24);

        List<String> problems = company.messages("undeclared", MessageTypes.DEPENDENCY_PROBLEM);
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(problems.get(0).contains("undeclared dependency: wordfreq.py: module 'requests' is imported at"
                + " line 5"), problems.get(0));
        assertTrue(company.files("undeclared").get("requirements.txt").contains("requests==2.31.0"));
    }

    private static boolean installed(String runId, String path) throws IOException {
        try (Stream<Path> libs = Files.list(company.workspace(runId).resolve(".sf/venv/lib"))) {
            return libs.anyMatch(lib -> Files.exists(lib.resolve("site-packages").resolve(path)));
        }
    }
}
