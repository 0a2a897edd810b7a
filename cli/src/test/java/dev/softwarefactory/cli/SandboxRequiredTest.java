package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node configured to require bubblewrap where it does not work refuses to run, saying why. */
class SandboxRequiredTest {
    @TempDir
    Path dir;

    @Test
    void aRunRequiringBubblewrapWhereItIsMissingIsRefusedWithTheReason() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/application.conf"),
                "software-factory.sandbox { mode = bwrap, bwrap-executable = /nonexistent/bwrap }\n");

        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "data", "--llm",
                "scripted:" + Scenario.calculator(dir, 0), "Write a calculator");

        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertTrue(node.output().contains("error: software-factory.sandbox.mode = bwrap, but bubblewrap does not "
                + "work here (cannot start /nonexistent/bwrap: No such file or directory); install it"), node.output());
    }
}
