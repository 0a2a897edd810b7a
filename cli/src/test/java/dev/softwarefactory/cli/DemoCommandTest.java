package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node.jar demo in a child JVM: labelled as scripted, green, with its summary printed and saved. */
class DemoCommandTest {
    @TempDir
    static Path dir;
    static NodeProcess demo;

    @BeforeAll
    static void runTheDemo() {
        demo = NodeProcess.run(dir, "demo", "--data-dir", "data");
    }

    @Test
    void theDemoSucceedsAndSaysItsModelIsScripted() {
        assertEquals(0, demo.exitCode(Duration.ofSeconds(1)), demo.output());
        assertTrue(demo.stdout().get(0).startsWith("DEMO: a scripted model plays every role"), demo.output());
    }

    @Test
    void theRedTestRunsProgressLineNamesTheFailingTestsAndWhereTheReportIs() {
        String runId = Scenario.runId(demo);
        int red = demo.stdout().indexOf(demo.stdout().stream().filter(l -> l.startsWith("#8 TestReport from QaEngineer"))
                .findFirst().orElseThrow(() -> new AssertionError(demo.output())));

        assertTrue(demo.stdout().get(red).startsWith("#8 TestReport from QaEngineer: FAILED: the tests (exit 1, "),
                demo.stdout().get(red));
        assertTrue(demo.stdout().get(red).contains("test_ignores_case_and_punctuation"), demo.stdout().get(red));
        assertEquals("    the whole report: java -jar node.jar replay " + runId + " --type BugReport, then --show its"
                + " STEP", demo.stdout().get(red + 1));
    }

    @Test
    void theSummaryIsPrintedAndSavedInTheRuntimeFolder() throws IOException {
        Path workspace = dir.resolve("data/workspace").resolve(Scenario.runId(demo));
        JsonNode summary = new ObjectMapper().readTree(workspace.resolve(".sf/summary.json").toFile());

        assertEquals("SUCCEEDED", summary.get("outcome").asText());
        assertEquals(8, summary.get("files").asInt());
        assertEquals(9, summary.get("modelCalls").asInt());
        assertTrue(summary.get("testResult").asText().startsWith("PASSED"), summary.toString());
        assertTrue(demo.stdout().contains("tests " + summary.get("testResult").asText()), demo.output());
        assertTrue(demo.stdout().contains("workspace " + summary.get("workspace").asText()), demo.output());
    }

    @Test
    void theSummaryRecordsTheEnvironmentTheTestsRanIn() throws IOException {
        Path workspace = dir.resolve("data/workspace").resolve(Scenario.runId(demo));
        JsonNode environment = new ObjectMapper().readTree(workspace.resolve(".sf/summary.json").toFile())
                .get("environment");

        assertEquals("python", environment.get("language").asText());
        assertTrue(environment.get("version").asText().startsWith("3."), environment.toString());
        assertEquals(0, environment.get("packages").size(), "the demo needs no package: " + environment);
        assertTrue(demo.stdout().contains("environment python " + environment.get("version").asText()
                + ", packages: none"), demo.output());
    }
}
