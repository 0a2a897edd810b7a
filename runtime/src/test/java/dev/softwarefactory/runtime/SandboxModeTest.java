package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxModeTest {
    private static final Bubblewrap MISSING = new Bubblewrap("/nonexistent/sf-test/bwrap");

    @TempDir
    Path dir;

    @Test
    void modeBwrapWithoutBubblewrapRefusesWithAClearMessage() {
        SandboxUnavailable error = assertThrows(SandboxUnavailable.class, () -> SandboxMode.BWRAP.select(MISSING));

        assertTrue(error.getMessage().startsWith("software-factory.sandbox.mode = bwrap, but bubblewrap does not work "
                + "here (cannot start /nonexistent/sf-test/bwrap: No such file or directory)"), error.getMessage());
        assertTrue(error.getMessage().contains("apt-get install bubblewrap"), error.getMessage());
    }

    @Test
    void modeAutoWithoutBubblewrapFallsBackToNoSandbox() {
        assertInstanceOf(Unsandboxed.class, SandboxMode.AUTO.select(MISSING));
    }

    @Test
    void modeNoneRunsCommandsUnsandboxedSoTheyCanWriteOutsideTheWorkspace() throws IOException {
        Path workspace = Files.createDirectory(dir.resolve("workspace"));
        CommandRunner runner = new CommandRunner(1000, SandboxMode.NONE.select(MISSING));

        CommandExited result = runner.run(workspace, List.of("sh", "-c", "echo out > ../outside.txt"),
                Duration.ofSeconds(20), Network.NONE);

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("out\n", Files.readString(dir.resolve("outside.txt")));
    }

    @Test
    void theConfiguredModeAndBubblewrapPathAreUsed() {
        SandboxUnavailable error = assertThrows(SandboxUnavailable.class, () -> Sandbox.fromConfig(
                ConfigFactory.parseString("mode = bwrap, bwrap-executable = /nonexistent/sf-test/bwrap"), List.of()));

        assertTrue(error.getMessage().contains("/nonexistent/sf-test/bwrap"), error.getMessage());
    }

    @Test
    void anUnknownModeIsRefusedNamingTheChoices() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SandboxMode.parse("docker"));

        assertEquals("software-factory.sandbox.mode must be auto, bwrap or none, not 'docker'", error.getMessage());
    }

    @Test
    void theDefaultModeIsAuto() {
        assertEquals(SandboxMode.AUTO, SandboxMode.parse(
                ConfigFactory.load().getString("software-factory.sandbox.mode")));
    }
}
