package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged copy of an unfinished run's data dir: the read-only commands and resume say that the run's
 * journal is damaged, naming the run; a journal that cannot be read at all is one line naming the data
 * dir, well before any read timeout. None prints a stack trace.
 */
class DamagedJournalTest {
    private static final Duration QUICK = Duration.ofSeconds(25);
    @TempDir
    static Path dir;
    static String runId;

    @BeforeAll
    static void killARunHalfWay() {
        Path script = Scenario.calculator(dir, 150);
        try (NodeProcess node = NodeProcess.start(dir, "run", "--data-dir", "original", "--llm", "scripted:" + script,
                "Write a calculator")) {
            runId = Scenario.runId(node);
            node.awaitLines(Scenario::isEffect, 9, Duration.ofSeconds(60));
            node.kill();
        }
    }

    @Test
    void aRunWithBytesOverwrittenInTheMiddleOfTheLogIsReportedDamagedByRunsReplayAndResume() throws IOException {
        Path data = copy("overwritten");
        Path log = only(data.resolve("journal"), ".log");
        overwriteMiddle(log, 512);

        NodeProcess runs = NodeProcess.run(dir, "runs", "--data-dir", "overwritten");
        assertEquals(1, runs.exitCode(QUICK), runs.output());
        assertTrue(runs.stdout().stream().anyMatch(l -> l.startsWith(runId) && l.contains("DAMAGED")), runs.output());
        assertTrue(runs.stdout().stream().anyMatch(l -> l.startsWith("    the journal of this run is damaged: ")
                && l.contains(" lost event")), runs.output());

        NodeProcess replay = NodeProcess.run(dir, "replay", runId, "--data-dir", "overwritten");
        assertEquals(1, replay.exitCode(QUICK), replay.output());
        assertOneErrorLine(replay, "error: the journal of run " + runId + " is damaged: ");

        NodeProcess resume = NodeProcess.run(dir, "resume", runId, "--data-dir", "overwritten");
        assertEquals(1, resume.exitCode(QUICK), resume.output());
        assertOneErrorLine(resume, "error: the journal of run " + runId + " is damaged: ");
        assertTrue(resume.stdout().stream().noneMatch(Scenario::isEffect), "resume ran effects:\n" + resume.output());
    }

    @Test
    void aTruncatedTableMakesEveryCommandFailAtOnceNamingTheDataDir() throws IOException {
        Path data = copy("truncated");
        // Opening the journal once turns its log into a table.
        assertEquals(0, NodeProcess.run(dir, "runs", "--data-dir", "truncated").exitCode(QUICK));
        Path table = only(data.resolve("journal"), ".sst");
        try (RandomAccessFile file = new RandomAccessFile(table.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        for (String[] command : List.of(new String[] {"runs"}, new String[] {"replay", runId},
                new String[] {"resume", runId})) {
            assertUnreadable(data, "truncated", command);
        }
    }

    @Test
    void aGarbageManifestMakesEveryCommandFailAtOnceNamingTheDataDir() throws IOException {
        Path data = copy("garbage");
        Path manifest = only(data.resolve("journal"), null);
        byte[] garbage = new byte[2000];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(manifest, garbage);
        for (String[] command : List.of(new String[] {"runs"}, new String[] {"replay", runId},
                new String[] {"resume", runId})) {
            assertUnreadable(data, "garbage", command);
        }
    }

    private static void assertUnreadable(Path data, String dataDir, String... command) {
        String[] args = Stream.concat(Arrays.stream(command), Stream.of("--data-dir", dataDir)).toArray(String[]::new);
        NodeProcess node = NodeProcess.run(dir, args);
        assertEquals(1, node.exitCode(QUICK), node.output());
        assertOneErrorLine(node, "error: cannot open the journal of data dir " + data.toAbsolutePath().normalize()
                + " (");
        assertTrue(node.stderr().get(0).endsWith("restore the data dir from a backup, or move it aside and use"
                + " another --data-dir"), node.output());
    }

    private static void assertOneErrorLine(NodeProcess node, String start) {
        assertEquals(1, node.stderr().size(), node.output());
        assertTrue(node.stderr().get(0).startsWith(start), node.output());
        assertTrue(node.stdout().stream().noneMatch(l -> l.startsWith("\tat ")), node.output());
    }

    private static Path copy(String name) throws IOException {
        Path from = dir.resolve("original");
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }

    /** The one file of the journal whose name ends so, or the manifest when {@code suffix} is null. */
    private static Path only(Path journal, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            List<Path> found = files.filter(f -> suffix == null ? f.getFileName().toString().startsWith("MANIFEST-")
                    : f.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), "journal files: " + found);
            return found.get(0);
        }
    }

    /**
     * Overwrites bytes inside what the log holds (LevelDB pads the file with zeros beyond it), a quarter
     * of the way in: LevelDB drops the rest of a damaged 32 KB block, so the blocks after it must hold
     * later events for the loss to show as a gap rather than as a crash.
     */
    private static void overwriteMiddle(Path log, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int used = bytes.length;
        while (used > 0 && bytes[used - 1] == 0) {
            used--;
        }
        assertTrue(used > 40_000, "the log holds only " + used + " bytes");
        Arrays.fill(bytes, used / 4, used / 4 + count, (byte) 0xAB);
        Files.write(log, bytes);
    }
}
