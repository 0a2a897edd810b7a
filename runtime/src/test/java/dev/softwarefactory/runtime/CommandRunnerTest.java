package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    @TempDir
    Path dir;

    private final CommandRunner runner = new CommandRunner(10_000, new Unsandboxed());

    @Test
    void capturesExitCodeAndOutput() {
        CommandExited result = runner.run(dir, List.of("sh", "-c", "echo hello; echo oops >&2; exit 3"),
                Duration.ofSeconds(20), Network.NONE);

        assertEquals(3, result.exitCode());
        assertFalse(result.timedOut());
        assertTrue(result.output().contains("hello"), result.output());
        assertTrue(result.output().contains("oops"), result.output());
    }

    @Test
    void runsInTheGivenFolder() throws java.io.IOException {
        CommandExited result = runner.run(dir, List.of("sh", "-c", "pwd -P"), Duration.ofSeconds(20), Network.NONE);

        assertEquals(0, result.exitCode());
        assertEquals(dir.toRealPath().toString(), result.output().strip());
    }

    @Test
    void commandExceedingItsTimeoutIsKilledAndReportedTimedOut() {
        long start = System.nanoTime();

        CommandExited result = runner.run(dir, List.of("sleep", "30"), Duration.ofMillis(300), Network.NONE);

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(result.timedOut());
        assertTrue(elapsedMillis < 10_000, "took " + elapsedMillis + " ms");
    }

    @Test
    void outputBeyondTheLimitKeepsItsHeadAndTailWithAMarkerSayingHowManyBytesWereCut() {
        CommandRunner small = new CommandRunner(1000, new Unsandboxed());

        CommandExited result = small.run(dir, List.of("sh", "-c", "printf 'first line\\n'; head -c 5000 /dev/zero"
                + " | tr '\\0' x; printf '\\nlast line\\n'"), Duration.ofSeconds(20), Network.NONE);

        assertEquals("first line\n" + "x".repeat(239) + "\n[... 4022 bytes of output cut]\n" + "x".repeat(739)
                + "\nlast line\n", result.output());
    }

    @Test
    void theKeptTailStartsOnACharacterBoundary() {
        CommandRunner small = new CommandRunner(100, new Unsandboxed());

        CommandExited result = small.run(dir, List.of("sh", "-c", "for i in $(seq 1 200); do printf '\\303\\251'; done"),
                Duration.ofSeconds(20), Network.NONE);

        String tail = result.output().substring(result.output().indexOf("cut]\n") + 5);
        assertEquals("\u00e9".repeat(37), tail);
    }

    @Test
    void missingExecutableGivesExit127WithAMessage() {
        CommandExited result = runner.run(dir, List.of("no-such-program-sf-test"), Duration.ofSeconds(20),
                Network.NONE);

        assertEquals(127, result.exitCode());
        assertTrue(result.output().contains("cannot start no-such-program-sf-test"), result.output());
    }
}
