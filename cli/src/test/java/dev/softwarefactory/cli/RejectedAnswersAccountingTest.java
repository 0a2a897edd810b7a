package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose PRD is rejected twice, then accepted, and whose design is rejected three times, so
 * that the Architect's action fails: six model calls, counted alike by the run's summary, `runs`
 * and the dataset, which marks the rejected answers.
 */
class RejectedAnswersAccountingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static NodeProcess run;
    static String runId;

    @BeforeAll
    static void recordRun() throws IOException {
        ArrayNode script = (ArrayNode) JSON.readTree(Path.of("..", "examples", "calculator.json").toFile());
        ArrayNode rejecting = JSON.createArrayNode();
        rejecting.add(entry("WritePRD", "Sure! A calculator is a great idea. Shall I write the PRD now?"));
        rejecting.add(entry("WritePRD", "# PRD\r\n\r\n## Goals\r\n- add numbers\r\n"));
        for (JsonNode entry : script) {
            rejecting.add(entry.get("action").asText().equals("WriteDesign")
                    ? entry("WriteDesign", "I would need more details about the platform before designing this.")
                    : entry);
        }
        Path file = dir.resolve("rejecting.json");
        JSON.writeValue(file.toFile(), rejecting);
        run = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm", "scripted:" + file, "Write a calculator");
        assertEquals(1, run.exitCode(Duration.ofSeconds(1)), run.output());
        runId = Scenario.runId(run);
    }

    @Test
    void theSummaryCountsTheRejectedAnswersAndTheFailedActionsCalls() {
        assertEquals(6, Scenario.modelCalls(run), run.output());
    }

    @Test
    void runsCountsTheSameCallsAsTheSummary() {
        assertEquals(6, Scenario.modelCallsListed(dir, "data", runId));
    }

    @Test
    void theDatasetHoldsEveryAnswerAndMarksTheRejectedOnes() throws IOException {
        NodeProcess export = NodeProcess.run(dir, "export-dataset", runId, "--out", "rejected.jsonl",
                "--data-dir", "data");
        assertEquals(0, export.exitCode(Duration.ofSeconds(1)), export.output());

        List<String> verdicts = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("rejected.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            verdicts.add(record.get("action").asText() + (record.get("answer_rejected").asBoolean() ? " rejected"
                    : " accepted"));
        }
        assertEquals(List.of("WritePRD rejected", "WritePRD rejected", "WritePRD accepted", "WriteDesign rejected",
                "WriteDesign rejected", "WriteDesign rejected"), verdicts);
    }

    private static ObjectNode entry(String action, String reply) {
        return JSON.createObjectNode().put("action", action).put("reply", reply);
    }
}
