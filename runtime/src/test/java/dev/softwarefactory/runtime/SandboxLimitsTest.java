package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile generated tests under bubblewrap with small limits: one allocating without bound, one
 * forking without bound, one filling the disk. Each ends, its output says which limit it reached,
 * and a command of another run beside it goes on working.
 */
class SandboxLimitsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Bubblewrap BWRAP = new Bubblewrap("bwrap");
    private static final SandboxLimits SMALL = new SandboxLimits(64L << 20, 32, 1L << 20);

    @TempDir
    Path workspace;
    @TempDir
    Path otherRun;

    private final CommandRunner runner = new CommandRunner(10_000, BWRAP, SMALL);

    @BeforeAll
    static void bubblewrapWorksHere() {
        Optional<String> problem = BWRAP.problem();
        Assumptions.assumeTrue(problem.isEmpty(), () -> "bubblewrap does not work here: " + problem.orElseThrow());
    }

    @Test
    void aTestAllocatingWithoutBoundEndsAtTheMemoryLimitAndSaysSo() throws IOException {
        Files.writeString(workspace.resolve("test_hog.py"), """
                def test_remembers_everything():
                    kept = []
                    while True:
                        kept.append(bytearray(1 << 20))
                """);

        CommandExited result = run(workspace, "python3 -c 'import test_hog; test_hog.test_remembers_everything()'");

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("[sandbox: the command reached the memory limit of 67108864 bytes"
                + " (software-factory.sandbox.limits.memory)"), result.output());
        assertOtherRunsCommandsWork();
    }

    @Test
    void aTestForkingWithoutBoundIsHeldAtTheProcessLimitAndSaysSoWhileAnotherRunWorks() throws Exception {
        Assumptions.assumeTrue(cgroupsHere(), "this node cannot make control groups: processes are not limited");
        // Bounded at 2000 children in case the limit did not hold, so a failure cannot take the machine down.
        Files.writeString(workspace.resolve("test_fork.py"), """
                import os, sys, time
                def test_spawns_workers():
                    children = 0
                    for _ in range(2000):
                        try:
                            if os.fork() == 0:
                                time.sleep(20)
                                os._exit(0)
                            children += 1
                        except OSError as e:
                            print("fork refused after", children, "children:", e, flush=True)
                            break
                    open("forked", "w").write(str(children))
                    time.sleep(3)
                    sys.exit(1)
                """);

        CompletableFuture<CommandExited> bomb = CompletableFuture.supplyAsync(() -> run(workspace,
                "python3 -c 'import test_fork; test_fork.test_spawns_workers()'"));
        Path forked = workspace.resolve("forked");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(forked) && !bomb.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(forked), "the test never finished forking");
        assertOtherRunsCommandsWork();
        CommandExited result = bomb.get();

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("fork refused after"), result.output());
        assertTrue(result.output().contains("[sandbox: the command reached the limit of 32 processes"
                + " (software-factory.sandbox.limits.processes): "), result.output());
    }

    @Test
    void aTestFillingTheDiskStopsAtTheFileSizeLimitAndSaysSo() throws IOException {
        Files.writeString(workspace.resolve("test_fill.py"), """
                def test_writes_a_log():
                    with open("huge.log", "wb") as log:
                        while True:
                            log.write(b"x" * 65536)
                """);

        CommandExited python = run(workspace, "python3 -c 'import test_fill; test_fill.test_writes_a_log()'");
        CommandExited shell = run(workspace, "head -c 100000000 /dev/zero > zeros.bin");

        for (CommandExited result : List.of(python, shell)) {
            assertNotEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("[sandbox: the command reached the file size limit of 1048576 bytes"
                    + " (software-factory.sandbox.limits.file-size)]\n"), result.output());
        }
        assertEquals(1L << 20, Files.size(workspace.resolve("huge.log")));
        assertEquals(1L << 20, Files.size(workspace.resolve("zeros.bin")));
        assertOtherRunsCommandsWork();
    }

    @Test
    void aNormalCommandReachesNoLimitAndItsOutputIsUntouched() {
        CommandExited result = run(workspace, "echo built");

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("built\n", result.output());
    }

    private void assertOtherRunsCommandsWork() {
        CommandExited other = run(otherRun, "python3 -c 'print(sum(range(10)))'");
        assertEquals(0, other.exitCode(), other.output());
        assertEquals("45\n", other.output());
    }

    private CommandExited run(Path dir, String script) {
        return runner.run(dir, List.of("sh", "-c", script), LIMIT, Network.NONE);
    }

    private static boolean cgroupsHere() {
        Optional<CommandCgroup> group = CommandCgroup.create(SMALL);
        group.ifPresent(CommandCgroup::close);
        return group.isPresent();
    }
}
