package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands under bubblewrap (skipped where bubblewrap does not work; CI installs it). */
class BubblewrapSandboxTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Bubblewrap BWRAP = new Bubblewrap("bwrap");

    @TempDir
    Path workspace;

    private final CommandRunner runner = new CommandRunner(10_000, BWRAP);

    @BeforeAll
    static void bubblewrapWorksHere() {
        Optional<String> problem = BWRAP.problem();
        Assumptions.assumeTrue(problem.isEmpty(), () -> "bubblewrap does not work here: " + problem.orElseThrow());
    }

    @Test
    void commandCanWriteInsideTheWorkspace() throws IOException {
        CommandExited result = sh("mkdir -p src && echo made > src/out.txt", Network.NONE);

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("made\n", Files.readString(workspace.resolve("src/out.txt")));
    }

    @Test
    void writingOutsideTheWorkspaceFailsAsReadOnlyAndLeavesNothing() {
        Path outside = Path.of("/var/tmp", "sandbox-escape-" + System.nanoTime());

        CommandExited result = sh("echo escaped > " + outside, Network.NONE);

        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("Read-only file system"), result.output());
        assertFalse(Files.exists(outside));
    }

    @Test
    void networkAllowedStillCannotWriteOutsideTheWorkspace() {
        Path outside = Path.of("/var/tmp", "sandbox-escape-" + System.nanoTime());

        CommandExited result = sh("echo escaped > " + outside, Network.ALLOWED);

        assertTrue(result.output().contains("Read-only file system"), result.output());
        assertFalse(Files.exists(outside));
    }

    @Test
    void tmpIsWritableAndPrivateToTheCommand() {
        Path hostTmpFile = Path.of("/tmp", "sf-sandbox-private-" + System.nanoTime());

        CommandExited result = sh("echo scratch > " + hostTmpFile + " && cat " + hostTmpFile, Network.NONE);

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("scratch", result.output().strip());
        assertFalse(Files.exists(hostTmpFile));
    }

    @Test
    void homeIsTheWritablePrivateTmp() {
        CommandExited result = sh("echo $HOME $TMPDIR && touch $HOME/.cache-probe", Network.NONE);

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("/tmp /tmp", result.output().strip());
    }

    @Test
    void secretLookingEnvironmentVariablesAreNotPassedOn() {
        // SF_SANDBOX_TEST_API_KEY is set for this test JVM by the module's pom.
        assertEquals("not-for-commands", System.getenv("SF_SANDBOX_TEST_API_KEY"));

        CommandExited result = runner.run(workspace, List.of("env"), LIMIT, Network.ALLOWED);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("PATH="), result.output());
        assertFalse(result.output().contains("SF_SANDBOX_TEST_API_KEY"), result.output());
    }

    @Test
    void withoutNetworkAnOutsideAddressIsUnreachable() {
        CommandExited result = python("import socket; socket.create_connection(('1.1.1.1', 53), 5)", Network.NONE);

        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("Network is unreachable"), result.output());
    }

    @Test
    void withoutNetworkAServerOnTheHostLoopbackIsNotReached() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandExited result = python(connectAndSend(server.getLocalPort()), Network.NONE);

            assertNotEquals(0, result.exitCode());
            assertTrue(result.output().contains("Connection refused"), result.output());
            assertEquals(Optional.empty(), receivedBy(server));
        }
    }

    @Test
    void withNetworkAllowedAServerOnTheHostLoopbackIsReached() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandExited result = python(connectAndSend(server.getLocalPort()), Network.ALLOWED);

            assertEquals(0, result.exitCode(), result.output());
            assertEquals(Optional.of("hello from the sandbox"), receivedBy(server));
        }
    }

    @Test
    void outputBeyondTheLimitIsCutInTheSandboxToo() {
        CommandRunner small = new CommandRunner(1000, BWRAP);

        CommandExited result = small.run(workspace, List.of("sh", "-c", "head -c 5000 /dev/zero | tr '\\0' x"),
                LIMIT, Network.NONE);

        assertEquals("x".repeat(250) + "\n[... 4000 bytes of output cut]\n" + "x".repeat(750), result.output());
    }

    @Test
    void timeoutKillsEveryProcessOfTheCommand() {
        String marker = uniqueSleep();

        CommandExited result = runner.run(workspace, List.of("sh", "-c", marker + " & " + marker),
                Duration.ofMillis(500), Network.NONE);

        assertTrue(result.timedOut());
        assertTrue(noProcessRuns(marker), marker + " still runs");
    }

    @Test
    void killingBubblewrapAloneKillsTheCommandInside() throws Exception {
        String marker = uniqueSleep();
        Process bwrap = BWRAP.processFor(workspace, List.of("sh", "-c", marker + " & " + marker), Network.NONE)
                .start();
        try {
            // Until bubblewrap has set the sandbox up, its child does not yet die with it.
            assertTrue(waitUntil(() -> processesEndingWith(marker)
                    .anyMatch(p -> p.info().command().orElse("").endsWith("/sleep"))), marker + " never started");

            bwrap.destroyForcibly().waitFor();

            assertTrue(noProcessRuns(marker), marker + " outlived bubblewrap");
        } finally {
            processesEndingWith(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void otherRunsWorkspacesAreHidden() throws IOException {
        Path workspaces = Files.createDirectories(Path.of("target", "sandbox-runs-" + System.nanoTime()).toAbsolutePath());
        Path mine = Files.createDirectories(workspaces.resolve("run-a"));
        Files.writeString(Files.createDirectories(workspaces.resolve("run-b")).resolve("secret.txt"), "other run");

        CommandExited result = new CommandRunner(10_000, BWRAP).run(mine, List.of("sh", "-c",
                "ls " + workspaces + "; cat " + workspaces.resolve("run-b/secret.txt")), LIMIT, Network.NONE);

        assertEquals("run-a", result.output().lines().findFirst().orElse(""), result.output());
        assertTrue(result.output().contains("No such file"), result.output());
        assertFalse(result.output().contains("other run"), result.output());
    }

    @Test
    void foldersTheNodeNamesAreHiddenWhileTheWorkspaceStaysWritable() throws IOException {
        Path dataDir = Files.createDirectories(Path.of("target", "sandbox-data-" + System.nanoTime()).toAbsolutePath());
        Files.writeString(Files.createDirectories(dataDir.resolve("journal")).resolve("events.log"), "journal");
        Path mine = Files.createDirectories(dataDir.resolve("workspace/run-a"));
        CommandRunner hiding = new CommandRunner(10_000, new Bubblewrap("bwrap", List.of(dataDir)));

        CommandExited result = hiding.run(mine, List.of("sh", "-c", "cat " + dataDir.resolve("journal/events.log")
                + "; echo kept > out.txt"), LIMIT, Network.NONE);

        assertTrue(result.output().contains("No such file"), result.output());
        assertFalse(result.output().contains("journal\n"), result.output());
        assertEquals("kept\n", Files.readString(mine.resolve("out.txt")));
    }

    private CommandExited sh(String script, Network network) {
        return runner.run(workspace, List.of("sh", "-c", script), LIMIT, network);
    }

    private CommandExited python(String code, Network network) {
        return runner.run(workspace, List.of("python3", "-c", code), LIMIT, network);
    }

    private static String connectAndSend(int port) {
        return "import socket; s = socket.create_connection(('127.0.0.1', " + port + "), 5); "
                + "s.sendall(b'hello from the sandbox'); s.close()";
    }

    /**
     * What a client that has already connected sent: the kernel completes a connection and buffers
     * its data before accept, so a command that has ended left its connection in the backlog.
     */
    private static Optional<String> receivedBy(ServerSocket server) throws IOException {
        server.setSoTimeout(300);
        try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    private static String uniqueSleep() {
        return "sleep " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** Waits (up to 5 s) for every process running {@code commandLine} now to exit. */
    private static boolean noProcessRuns(String commandLine) {
        CompletableFuture<?>[] exits = processesEndingWith(commandLine).map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(5, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static java.util.stream.Stream<ProcessHandle> processesEndingWith(String commandLine) {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive()
                && p.info().commandLine().map(line -> line.endsWith(commandLine)).orElse(false));
    }

    /** Polls: the OS gives no event for a process starting inside the sandbox. */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
