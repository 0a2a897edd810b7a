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
 * once across both processes, and the workspace equals an uninterrupted run's byte for byte.
 */
class CrashResumeTest {
    private static final long MODEL_LATENCY_MS = 300;
    @TempDir
    static Path dir;
    static Path script;
    static Map<String, String> uninterruptedFiles;
    static List<String> uninterruptedEffects;

    @BeforeAll
    static void runUninterrupted() {
        script = Scenario.calculator(dir, MODEL_LATENCY_MS);
        NodeProcess node = NodeProcess.run(dir, "run", "--data-dir", "clean", "--llm", "scripted:" + script,
                "Write a calculator");
        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        uninterruptedFiles = Scenario.files(dir.resolve("clean/workspace").resolve(Scenario.runId(node)));
        uninterruptedEffects = node.stdout().stream().filter(Scenario::isEffect).map(Scenario::effectKey).sorted()
                .toList();
    }

    @ParameterizedTest(name = "killed after {0} recorded effects")
    @ValueSource(ints = {1, 3, 5, 8})
    void aKilledRunResumesWithEveryEffectRunOnce(int recordedBeforeKill) {
        String dataDir = "killed-" + recordedBeforeKill;
        List<String> effects = new ArrayList<>();
        String runId;
        try (NodeProcess first = NodeProcess.start(dir, "run", "--data-dir", dataDir, "--llm", "scripted:" + script,
                "Write a calculator")) {
            runId = Scenario.runId(first);
            first.awaitLines(Scenario::isEffect, recordedBeforeKill, Duration.ofSeconds(60));
            first.kill();
            effects.addAll(first.stdout().stream().filter(Scenario::isEffect).map(Scenario::effectKey).toList());
        }
        NodeProcess resumed = NodeProcess.run(dir, "resume", runId, "--data-dir", dataDir);
        assertEquals(0, resumed.exitCode(Duration.ofSeconds(1)), resumed.output());
        effects.addAll(resumed.stdout().stream().filter(Scenario::isEffect).map(Scenario::effectKey).toList());

        Map<String, Long> runsPerKey = effects.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        runsPerKey.forEach((key, count) -> assertEquals(1L, count, key + " ran " + count + " times"));
        assertEquals(uninterruptedEffects, effects.stream().sorted().toList());
        assertEquals(uninterruptedFiles, Scenario.files(dir.resolve(dataDir).resolve("workspace").resolve(runId)));
    }
}
