package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL after some effects are recorded, then resumed: every effect ran exactly
 * once across both processes, every model call is counted once, and the workspace equals an
 * uninterrupted run's byte for byte.
 */
class CrashResumeTest {
    private static final long MODEL_LATENCY_MS = 300;
    @TempDir
    static Path dir;
    static Path script;
    static Map<String, String> uninterruptedFiles;
    static List<String> uninterruptedJournal;

    @BeforeAll
    static void runUninterrupted() {
        script = Scenario.calculator(dir, MODEL_LATENCY_MS);
        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "clean", "--llm", "scripted:" + script,
                "Write a calculator");
        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        uninterruptedFiles = Scenario.files(dir.resolve("clean/workspace").resolve(Scenario.runId(node)));
        uninterruptedJournal = Scenario.recordedEffects(dir, "clean", Scenario.runId(node)).stream().sorted()
                .toList();
    }

    /**
     * Progress lines are printed after an effect is persisted, so a kill can fall between the two:
     * the lines show what ran (none may run twice), the journal shows what was recorded.
     */
    @ParameterizedTest(name = "killed after {0} recorded effects")
    @ValueSource(ints = {1, 3, 5, 8})
    void aKilledRunResumesWithEveryEffectRunOnce(int recordedBeforeKill) {
        String dataDir = "killed-" + recordedBeforeKill;
        List<String> ran = new ArrayList<>();
        String runId;
        try (NodeProcess first = NodeProcess.start(dir, "run", "--data-dir", dataDir, "--llm", "scripted:" + script,
                "Write a calculator")) {
            runId = Scenario.runId(first);
            first.awaitLines(Scenario::isEffect, recordedBeforeKill, Duration.ofSeconds(60));
            first.kill();
            ran.addAll(first.stdout().stream().filter(Scenario::isEffect).map(Scenario::roleAndKey).toList());
        }
        NodeProcess resumed = NodeProcess.run(dir, "resume", runId, "--data-dir", dataDir);
        assertEquals(0, resumed.exitCode(Duration.ofSeconds(1)), resumed.output());
        ran.addAll(resumed.stdout().stream().filter(Scenario::isEffect).map(Scenario::roleAndKey).toList());

        ran.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .forEach((key, count) -> assertEquals(1L, count, key + " ran " + count + " times"));
        List<String> journal = Scenario.recordedEffects(dir, dataDir, runId);
        assertEquals(uninterruptedJournal, journal.stream().sorted().toList());
        assertEquals(uninterruptedFiles, Scenario.files(dir.resolve(dataDir).resolve("workspace").resolve(runId)));

        // A call recorded before the kill is counted once, whether or not its count was persisted by then.
        long calls = journal.stream().filter(effect -> effect.contains(" llm:")).count();
        assertEquals(calls, Scenario.modelCalls(resumed), resumed.output());
        assertEquals(calls, Scenario.modelCallsListed(dir, dataDir, runId));
    }
}
