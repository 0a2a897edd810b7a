package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandSlotsTest {

    @TempDir
    Path dir;

    // Its own threads: the common pool may have a single one, and these tasks block.
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aCommandWaitsForAFreeSlotAndItsTimeStartsWhenItGetsOne() throws Exception {
        CommandSlots slots = new CommandSlots(1);
        CommandRunner runner = new CommandRunner(10_000, new Unsandboxed(), SandboxLimits.NONE, slots);
        CompletableFuture<CommandExited> first = CompletableFuture.supplyAsync(() -> runner.run(dir,
                List.of("sh", "-c", "touch started; sleep 3; touch done"), Duration.ofSeconds(60), Network.NONE), threads);
        awaitFile(dir.resolve("started"));

        long asked = System.nanoTime();
        CommandExited second = runner.run(dir, List.of("sh", "-c", "test -e done && echo after the first"),
                Duration.ofSeconds(60), Network.NONE);
        long waitedAndRan = (System.nanoTime() - asked) / 1_000_000;

        assertEquals(0, first.get().exitCode());
        assertEquals("after the first", second.output().strip());
        assertTrue(second.durationMillis() + 1000 < waitedAndRan,
                "reported " + second.durationMillis() + " ms of " + waitedAndRan + " ms waited and run");
        assertEquals(0, slots.running());
        assertEquals(0, slots.waiting());
    }

    @Test
    void aFreeSlotGoesToTheOldestRunWaitingWhateverOrderTheyAskedIn() throws Exception {
        CommandSlots slots = new CommandSlots(1);
        slots.acquire("20261126-100000-aaaaaa");
        List<String> served = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> newer = waitFor(slots, "20261126-120000-bbbbbb", served);
        awaitWaiting(slots, 1);
        CompletableFuture<Void> older = waitFor(slots, "20261126-110000-cccccc", served);
        awaitWaiting(slots, 2);

        slots.release();
        older.get(30, TimeUnit.SECONDS);
        slots.release();
        newer.get(30, TimeUnit.SECONDS);

        assertEquals(List.of("20261126-110000-cccccc", "20261126-120000-bbbbbb"), served);
    }

    @Test
    void automaticSlotsAreTwiceTheCoresButAtLeastFour() {
        int cores = Runtime.getRuntime().availableProcessors();

        assertEquals(Math.max(4, 2 * cores), CommandSlots.of(0).size());
        assertEquals(3, CommandSlots.of(3).size());
    }

    @Test
    void aNegativeNumberOfSlotsIsRefusedNamingTheSetting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CommandSlots.of(-1));

        assertTrue(refused.getMessage().contains("max-concurrent-commands"), refused.getMessage());
    }

    private CompletableFuture<Void> waitFor(CommandSlots slots, String runId, List<String> served) {
        return CompletableFuture.runAsync(() -> {
            try {
                slots.acquire(runId);
                served.add(runId);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    private static void awaitWaiting(CommandSlots slots, int count) throws InterruptedException {
        await(() -> slots.waiting() >= count, () -> slots.waiting() + " waiting, not " + count);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        await(() -> Files.exists(file), () -> "no " + file);
    }

    /** Polls every 10 ms until {@code done}, for at most 30 s. */
    private static void await(BooleanSupplier done, Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get() + " after 30 s");
            }
            Thread.sleep(10);
        }
    }
}
