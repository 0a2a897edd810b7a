package dev.softwarefactory.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A review that requests changes: the Engineer fixes them before QA writes and runs the tests. */
class ReviewLoopTest {
    private static final String RUN = "review";
    private static final String CHANGES = "```json\n{\"approved\": false, \"comments\": [{\"file\": \"textstats.py\","
            + " \"comment\": \"words() keeps case and punctuation\"}]}\n```\n";
    @TempDir
    static Path workspaces;
    static CompanyUnderTest company;
    static Company.Status status;

    @BeforeAll
    static void runWithAReviewThatRequestsChanges() {
        company = new CompanyUnderTest(workspaces, Duration.ofSeconds(60));
        status = company.run(RUN, Scripts.demoWith("ReviewCode", null, CHANGES), 20);
    }

    @AfterAll
    static void stop() {
        company.close();
    }

    @Test
    void theFixedCodePassesTheFirstTestRun() {
        List<CommandExited> tests = company.commands(RUN, QaEngineer.NAME, "exec:tests");

        assertEquals(Outcome.SUCCEEDED, status.outcome(), status.reason());
        assertEquals(List.of(0), tests.stream().map(CommandExited::exitCode).toList());
    }

    @Test
    void theTestsWereWrittenAgainstTheFixedCode() {
        assertTrue(company.files(RUN).get("textstats.py").contains("text.lower()"));
        assertEquals(1, company.commands(RUN, QaEngineer.NAME, "exec:check").size());
    }
}
