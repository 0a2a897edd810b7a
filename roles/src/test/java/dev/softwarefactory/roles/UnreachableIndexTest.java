package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package index nobody answers at: the real pip cannot reach it, and the run ends saying so, spending no fix. */
class UnreachableIndexTest {
    @TempDir
    static Path dir;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runAgainstAClosedPort() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        company = new CompanyUnderTest(dir.resolve("workspaces"), Duration.ofMinutes(2), new PackageSources(
                "http://127.0.0.1:" + closed + "/simple", List.of(), List.of(), false, "", ""));
        status = company.run("unreachable", DependencyScenarioTest.withWordsplit("1.0.0"), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void theRunEndsWithTheInstallersReasonAndNoRoundIsSpentOnCode() {
        assertEquals(Outcome.FAILED, status.outcome());
        assertTrue(status.reason().startsWith("QaEngineer's RunTests failed: the dependency install cannot reach its"
                + " package source: "), status.reason());
        assertTrue(status.reason().contains("Connection refused"), status.reason());
        assertTrue(company.messages("unreachable", MessageTypes.BUG_REPORT).isEmpty());
        assertTrue(company.messages("unreachable", MessageTypes.DEPENDENCY_PROBLEM).isEmpty());
    }
}
