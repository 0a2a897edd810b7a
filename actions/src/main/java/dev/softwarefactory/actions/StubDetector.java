package dev.softwarefactory.actions;

import java.util.List;
import java.util.Locale;

/**
 * Finds the functions of a source file that are stubs: a body that only passes, raises "not
 * implemented" or holds a TODO, judged on the function bodies, not on words anywhere in the file
 * (handling NotImplementedError, or a string that mentions it, is fine).
 */
final class StubDetector {
    private StubDetector() {
    }

    /** The stubs of the file, each as "name (why)"; empty when it has none or its language is not known. */
    static List<String> stubs(String path, String code) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".py")) {
            return PythonStubs.find(code);
        }
        if (name.matches(".*\\.(java|js|mjs|cjs|jsx|ts|tsx|kt|go|rs|cs|c|cc|cpp|h|hpp|swift|scala|php)$")) {
            return BraceStubs.find(code);
        }
        return List.of();
    }
}
