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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandSlotsTest {

    @TempDir
    Path dir;

    @Test
    void aCommandWaitsForAFreeSlotAndItsTimeStartsWhenItGetsOne() throws Exception {
        CommandSlots slots = new CommandSlots(1);
        CommandRunner runner = new CommandRunner(10_000, new Unsandboxed(), SandboxLimits.NONE, slots);
        CompletableFuture<CommandExited> first = CompletableFuture.supplyAsync(() -> runner.run(dir,
                List.of("sh", "-c", "touch started; sleep 3; touch done"), Duration.ofSeconds(60), Network.NONE));
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

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + " after 30 s");
            }
            Thread.sleep(10);
        }
    }
}
