package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Node project with one dependency from a local tarball that {@code npm pack} made: npm installs it
 * into the project's own node_modules under .sf/, the tests find it, and npm's lock file is delivered.
 */
class NpmDependencyTest {
    private static final String RUN = "node-dependency";
    @TempDir
    static Path workspaces;
    static Path packages;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runTheNodeProjectWithItsDependency() throws Exception {
        packages = Files.createTempDirectory(Files.createDirectories(SandboxVisible.parent()), "npm-packages-");
        Path source = Files.createDirectories(packages.resolve("padder"));
        Files.writeString(source.resolve("package.json"), "{\"name\": \"padder\", \"version\": \"1.0.0\","
                + " \"main\": \"index.js\"}\n");
        Files.writeString(source.resolve("index.js"), "module.exports = { padStart: (value, width) =>"
                + " String(value).padStart(width, ' ') };\n");
        Process pack = new ProcessBuilder("npm", "pack", "--silent", "--pack-destination", packages.toString())
                .directory(source.toFile()).redirectErrorStream(true).start();
        String output = new String(pack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pack.waitFor(2, TimeUnit.MINUTES) && pack.exitValue() == 0, "npm pack: " + output);
        Path tarball = packages.resolve("padder-1.0.0.tgz");
        company = new CompanyUnderTest(workspaces, Duration.ofMinutes(2));
        status = company.run(RUN, script(tarball), 20);
    }

    @AfterAll
    static void stop() throws IOException {
        company.close();
        try (Stream<Path> paths = Files.walk(packages)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The node scenario with a package.json depending on the tarball and a calc.js that pads with it. */
    private static List<ScriptEntry> script(Path tarball) {
        List<ScriptEntry> script = new ArrayList<>();
        for (ScriptEntry entry : Scripts.resource("/scenarios/node-calc.json")) {
            String reply = entry.reply();
            if ("package.json".equals(entry.target())) {
                reply = reply.replace("\"private\": true,", "\"private\": true,\n  \"dependencies\": {\"padder\": \"file:"
                        + tarball + "\"},");
            } else if (entry.action().equals("WriteDesign")) {
                reply = reply.replace("\"dependencies\": []", "\"dependencies\": [{\"name\": \"padder\", \"version\":"
                        + " \"1.0.0\"}]");
            } else if ("calc.js".equals(entry.target()) || entry.action().equals("FixBug")) {
                reply = reply.replace("module.exports = { add };", "const { padStart } = require('padder');\n\n"
                        + "function show(n) {\n  return padStart(n, 4);\n}\n\nmodule.exports = { add, show };");
            } else if (entry.action().equals("WriteTests")) {
                reply = reply.replace("const { add } = require('./calc');", "const { add, show } = require('./calc');")
                        .replace("\n```", "\ntest('shows a number four wide', () => {\n"
                                + "  assert.strictEqual(show(7), '   7');\n});\n```");
            }
            script.add(new ScriptEntry(entry.action(), entry.target(), reply, 0));
        }
        return script;
    }

    @Test
    void theTarballIsInstalledIntoTheProjectsOwnNodeModulesAndTheTestsUseIt() {
        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertTrue(Files.exists(company.workspace(RUN).resolve(".sf/npm/node_modules/padder/index.js")));
        assertTrue(company.commands(RUN, QaEngineer.NAME, "exec:tests").get(1).output().contains("# pass 2"),
                company.commands(RUN, QaEngineer.NAME, "exec:tests").get(1).output());
        assertFalse(Files.exists(company.workspace(RUN).resolve("node_modules")), "nothing installed into the project");
    }

    @Test
    void npmsLockFileAndTheEnvironmentAreDelivered() {
        assertTrue(company.files(RUN).get("package-lock.json").contains("\"node_modules/padder\""),
                company.files(RUN).keySet().toString());
        assertTrue(company.messages(RUN, MessageTypes.ENVIRONMENT).get(0).contains("\"padder\":\"1.0.0\""),
                company.messages(RUN, MessageTypes.ENVIRONMENT).toString());
    }
}
