package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad sim-llm options are usage errors (exit 2) found before anything starts. */
class SimLlmCommandTest {
    @TempDir
    Path dir;

    @Test
    void aProbabilityAboveOneIsRefused() {
        assertEquals(2, Main.execute("sim-llm", "--port", "0", "--fail-429", "1.5"));
    }

    @Test
    void aGarbageProbabilityAboveOneIsRefused() {
        assertEquals(2, Main.execute("sim-llm", "--port", "0", "--fail-garbage", "2"));
    }

    @Test
    void aNegativeCutProbabilityIsRefused() {
        assertEquals(2, Main.execute("sim-llm", "--port", "0", "--fail-cut", "-0.1"));
    }

    @Test
    void aNegativeRetryAfterIsRefused() {
        assertEquals(2, Main.execute("sim-llm", "--port", "0", "--retry-after", "-1"));
    }

    @Test
    void aNegativeLatencyIsRefused() {
        assertEquals(2, Main.execute("sim-llm", "--port", "0", "--latency-ms", "-1"));
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertEquals(2, Main.execute("sim-llm", "--port", "70000"));
    }

    @Test
    void aMissingPortIsRefused() {
        assertEquals(2, Main.execute("sim-llm"));
    }

    @Test
    void aMalformedScriptIsRefused() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"action\": \"WritePRD\"}]");

        assertEquals(2, Main.execute("sim-llm", "--port", "0", "--script", bad.toString()));
    }
}
