package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second node process on a data dir that a node already owns is refused with one clear line. */
class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondNodeOnTheSameDataDirIsRefused() {
        Path script = Scenario.calculator(dir, 5_000);
        try (NodeProcess owner = NodeProcess.start(dir, "run", "--data-dir", "data", "--llm", "scripted:" + script,
                "Write a calculator")) {
            owner.awaitLines(l -> l.startsWith("workspace "), 1, Duration.ofSeconds(60));
            NodeProcess second = NodeProcess.run(dir, "runs", "--data-dir", "data");
            assertEquals(2, second.exitCode(Duration.ofSeconds(1)), second.output());
            assertEquals(1, second.stderr().size(), second.output());
            assertTrue(second.stderr().get(0).contains("is in use by another node process"), second.output());
        }
    }
}
