package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python mutator runs for real on small projects: it breaks the promised functions and tells which tests notice. */
class MutatorScriptTest {
    private static final String CONVERSION = "def c_to_f(celsius: float) -> float:\n"
            + "    \"\"\"Degrees Fahrenheit.\"\"\"\n    return celsius * 9 / 5 + 32\n\n\n"
            + "def is_freezing(celsius: float) -> bool:\n    return celsius <= 0\n\n\n"
            + "def helper_not_promised(x):\n    return x + 1\n";
    private static final String PROVING_TESTS = "from conv import c_to_f, is_freezing\n\n\n"
            + "def test_boiling():\n    assert c_to_f(100) == 212\n\n\n"
            + "def test_freezing():\n    assert is_freezing(0) and is_freezing(-1) and not is_freezing(1)\n";
    private static final String EMPTY_TESTS = "import unittest\n\nfrom conv import c_to_f, is_freezing\n\n\n"
            + "class ConvTest(unittest.TestCase):\n    def test_exists(self):\n        self.assertTrue(callable(c_to_f))\n"
            + "        self.assertIsInstance(c_to_f(10), float)\n        self.assertIsInstance(is_freezing(3), bool)\n";
    @TempDir
    Path dir;

    private LocalCommand mutate(String tests, int maxMutants, int seed, boolean pytest) {
        LocalCommand.write(dir, Map.of("conv.py", CONVERSION, "test_conv.py", tests));
        Design design = new Design(Toolchain.PYTHON, "3.11", List.of("conv.py"), List.of("test_conv.py"),
                Map.of("conv.py", List.of("def c_to_f(celsius: float) -> float", "def is_freezing(celsius: float) -> bool")),
                List.of(), List.of(), List.of("pytest"));
        MutationCheck check = new MutationCheck(new MutationCheck.Settings(true, maxMutants, 0.5, seed, 2));
        return LocalCommand.run(dir, check.command(design, new ProjectCommands(design), pytest, Duration.ofMinutes(1))
                .orElseThrow());
    }

    private static List<String> lines(LocalCommand result, String prefix) {
        return result.output().lines().filter(l -> l.startsWith(prefix)).toList();
    }

    private static List<String> verdicts(LocalCommand result) {
        return result.output().lines().filter(l -> l.startsWith("survived:") || l.startsWith("killed")).toList();
    }

    @Test
    void testsThatAssertExactResultsKillEveryMutant() {
        LocalCommand result = mutate(PROVING_TESTS, 50, 1, true);

        assertEquals(0, result.exitCode(), result.output());
        assertEquals(List.of(), lines(result, "survived:"), result.output());
        assertTrue(result.output().contains("mutation score: 10/10 killed"), result.output());
    }

    @Test
    void testsThatOnlyCheckTypesLetTheMutantsLiveAndEachIsNamedWithFileLineFunctionAndChange() {
        LocalCommand result = mutate(EMPTY_TESTS, 50, 1, false);

        // Only the mutants that change the result's type fail an isinstance check.
        assertTrue(result.output().contains("mutation score: 2/10 killed"), result.output());
        List<String> survivors = lines(result, "survived:");
        assertTrue(survivors.contains("survived: conv.py:3 in c_to_f(): `32` became `33`"), survivors.toString());
        assertTrue(survivors.contains("survived: conv.py:3 in c_to_f(): `celsius * 9 / 5 + 32` became"
                + " `celsius * 9 / 5 - 32`"), survivors.toString());
        assertTrue(survivors.contains("survived: conv.py:7 in is_freezing(): `celsius <= 0` became `celsius > 0`"),
                survivors.toString());
        assertTrue(survivors.contains("survived: conv.py:7 in is_freezing(): `return celsius <= 0` became"
                + " `return not celsius <= 0` (return negated)"), survivors.toString());
    }

    @Test
    void onlyTheFunctionsTheDesignPromisedAreMutated() {
        LocalCommand result = mutate(EMPTY_TESTS, 50, 1, false);

        assertFalse(result.output().contains("helper_not_promised"), result.output());
    }

    @Test
    void theBudgetBoundsTheMutantsAndTheSeedChoosesThemRepeatably() {
        List<String> first = verdicts(mutate(EMPTY_TESTS, 3, 7, false));
        List<String> again = verdicts(mutate(EMPTY_TESTS, 3, 7, false));
        List<String> otherSeed = verdicts(mutate(EMPTY_TESTS, 3, 8, false));

        assertEquals(3, first.size());
        assertEquals(first, again);
        assertFalse(first.equals(otherSeed), first + " vs " + otherSeed);
    }

    @Test
    void theProjectIsLeftAsItWasAndTheMutantsLiveInACopyUnderTheRuntimeFolder() throws IOException {
        mutate(EMPTY_TESTS, 50, 1, false);

        assertEquals(CONVERSION, Files.readString(dir.resolve("conv.py")));
        assertTrue(Files.exists(dir.resolve(".sf/build/.sf/mutation/conv.py")), "in the build copy the checks run in");
        assertFalse(Files.exists(dir.resolve("__pycache__")));
    }

    @Test
    void aMutantThatLoopsForeverIsKilledByItsTimeLimit() {
        LocalCommand.write(dir, Map.of("loop.py", "def count_down(n: int) -> int:\n    steps = 0\n"
                + "    while n > 0:\n        n -= 1\n        steps += 1\n    return steps\n",
                "test_loop.py", "from loop import count_down\n\n\ndef test_counts():\n    assert count_down(3) == 3\n"));
        Design design = new Design(Toolchain.PYTHON, "3.11", List.of("loop.py"), List.of("test_loop.py"),
                Map.of("loop.py", List.of("def count_down(n: int) -> int")), List.of(), List.of(), List.of("pytest"));
        MutationCheck check = new MutationCheck(new MutationCheck.Settings(true, 50, 0.5, 1, 2));

        LocalCommand result = LocalCommand.run(dir, check.command(design, new ProjectCommands(design), true,
                Duration.ofMinutes(1)).orElseThrow());

        assertTrue(result.output().contains("killed (timed out): loop.py:4 in count_down(): `n -= 1` became `n += 1`"),
                result.output());
    }

    @Test
    void testsThatFailUnchangedGiveNoScore() {
        LocalCommand result = mutate("def test_broken():\n    assert False\n", 50, 1, true);

        assertEquals(0, result.exitCode());
        assertTrue(result.output().contains("mutation check skipped: the unchanged tests failed"), result.output());
        assertFalse(result.output().contains("mutation score"), result.output());
    }
}
