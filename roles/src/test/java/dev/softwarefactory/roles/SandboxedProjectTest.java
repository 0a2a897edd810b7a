package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated tests that write outside the workspace or open a socket fail, and the run reports why. */
class SandboxedProjectTest {
    @TempDir
    static Path dir;
    static CompanyUnderTest company;

    @BeforeAll
    static void start() {
        company = new CompanyUnderTest(dir.resolve("workspaces"), Duration.ofSeconds(30));
        assumeTrue(company.sandboxed(), "bubblewrap does not work on this machine");
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    private static CommandExited firstTestRun(String runId, String test) {
        Company.Status status = company.run(runId, Scripts.demoWith("WriteTests", "test_wordfreq.py",
                "```python\n" + test + "```\n"), 8);
        assertEquals(Outcome.FAILED, status.outcome());
        return company.commands(runId, QaEngineer.NAME, "exec:tests").get(0);
    }

    @Test
    void aTestThatWritesOutsideTheWorkspaceFailsAndNothingIsWritten() {
        // Not under /tmp: the sandbox gives commands a private /tmp, where writing is allowed and harmless.
        Path outside = Path.of(System.getProperty("user.home"), "sf-escaped-" + ProcessHandle.current().pid() + ".txt");
        CommandExited run = firstTestRun("write-outside", "import unittest\n\n\nclass Escape(unittest.TestCase):\n"
                + "    def test_writes_outside(self):\n"
                + "        with open(" + "'" + outside + "'" + ", 'w') as f:\n            f.write('escaped')\n");

        assertEquals(1, run.exitCode());
        assertTrue(run.output().contains("Read-only file system"), run.output());
        assertFalse(Files.exists(outside));
    }

    @Test
    void aTestThatOpensASocketFails() {
        CommandExited run = firstTestRun("socket", "import socket\nimport unittest\n\n\nclass Network(unittest.TestCase):\n"
                + "    def test_connects(self):\n"
                + "        socket.create_connection(('192.0.2.1', 80), timeout=5)\n");

        assertEquals(1, run.exitCode());
        assertTrue(run.output().contains("Network is unreachable"), run.output());
        assertTrue(company.messages("socket", MessageTypes.BUG_REPORT).get(0).contains("Network is unreachable"),
                "the Engineer is told why");
    }
}
