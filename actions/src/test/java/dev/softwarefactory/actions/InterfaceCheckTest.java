package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interface check's scripts run for real on small projects: what the design promised is found or named. */
class InterfaceCheckTest {
    @TempDir
    Path dir;

    private static Design design(Toolchain toolchain, Map<String, List<String>> interfaces) {
        return new Design(toolchain, "1", List.copyOf(interfaces.keySet()), List.of(), interfaces, List.of(),
                List.of(), List.of("true"));
    }

    private LocalCommand check(Design design, Map<String, String> files) {
        LocalCommand.write(dir, files);
        return LocalCommand.run(dir, InterfaceCheck.command(design, new ProjectCommands(design)).orElseThrow());
    }

    private LocalCommand checkPython(String file, List<String> promised, String code) {
        return check(design(Toolchain.PYTHON, Map.of(file, promised)), Map.of(file, code));
    }

    @Test
    void aMissingMainThatNoTestReachesIsNamedWithWhatTheDesignPromised() {
        LocalCommand result = checkPython("wordfreq.py", List.of("def main(argv: list[str]) -> int"),
                "def run(argv):\n    return 0\n");

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("interface mismatch: wordfreq.py: main is missing; the design promises:"
                + " def main(argv: list[str]) -> int"), result.output());
    }

    @Test
    void codeThatKeepsEveryPromisePasses() {
        LocalCommand result = checkPython("shop.py", List.of("def total(prices: list[float], tax: float = 0.2) -> float",
                "async def fetch(url)", "class Cart(Base): def add(self, item: str, qty: int = 1) -> None",
                "Cart.clear(self)", "MAX_ITEMS: int = 10"),
                "class Base:\n    pass\n\n\ndef total(prices, tax=0.2):\n    return sum(prices) * (1 + tax)\n\n\n"
                        + "async def fetch(url):\n    return url\n\n\nclass Cart(Base):\n"
                        + "    def add(self, item, qty=1):\n        pass\n\n    def clear(self):\n        pass\n\n\n"
                        + "MAX_ITEMS = 10\n");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("interface check: 0 problem(s) in 5 promised name(s) of 1 file(s)"),
                result.output());
    }

    @Test
    void aParameterTheDesignDeclaresButTheCodeLacksIsNamedWithBothSignatures() {
        LocalCommand result = checkPython("conv.py", List.of("def c_to_f(celsius: float) -> float"),
                "def c_to_f():\n    return 32.0\n");

        assertEquals(1, result.exitCode());
        assertTrue(result.output().contains("conv.py: c_to_f lacks the parameter(s) celsius;"
                + " expected: def c_to_f(celsius: float) -> float; actual: c_to_f()"), result.output());
    }

    @Test
    void aRequiredParameterTheDesignDoesNotDeclareIsAMismatch() {
        LocalCommand result = checkPython("conv.py", List.of("def c_to_f(celsius)"),
                "def c_to_f(celsius, scale):\n    return celsius\n");

        assertTrue(result.output().contains("c_to_f requires parameter(s) the design does not declare: scale"),
                result.output());
    }

    @Test
    void parametersInAnotherOrderAreAMismatch() {
        LocalCommand result = checkPython("textstats.py", List.of("def top_words(text: str, n: int)"),
                "def top_words(n, text):\n    return []\n");

        assertTrue(result.output().contains("top_words takes the parameters in another order"), result.output());
    }

    @Test
    void aMissingMethodAndAMissingClassAreEachNamed() {
        Map<String, List<String>> promised = new LinkedHashMap<>();
        promised.put("game.py", List.of("class Board:\n    def place(self, x: int, y: int) -> bool\n    def reset(self)",
                "Player.move(self, direction)"));
        LocalCommand result = check(design(Toolchain.PYTHON, promised),
                Map.of("game.py", "class Board:\n    def place(self, x, y):\n        return True\n"));

        assertEquals(1, result.exitCode());
        assertTrue(result.output().contains("game.py: Board.reset is missing"), result.output());
        assertTrue(result.output().contains("game.py: class Player is missing"), result.output());
    }

    @Test
    void aModuleInAPackageIsImportedByItsDottedName() {
        LocalCommand result = check(design(Toolchain.PYTHON, Map.of("pkg/util.py", List.of("def helper(x)"))),
                Map.of("pkg/__init__.py", "", "pkg/util.py", "def helper(x):\n    return x\n"));

        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void javascriptExportsAreCheckedWithTheirArity() {
        Map<String, List<String>> promised = new LinkedHashMap<>();
        promised.put("calc.js", List.of("function add(a, b) -> number", "function divide(a, b)"));
        LocalCommand result = check(design(Toolchain.NODE, promised),
                Map.of("calc.js", "function add(a) { return a; }\nmodule.exports = { add };\n"));

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("calc.js: add takes 1 parameter(s), the design declares 2"),
                result.output());
        assertTrue(result.output().contains("calc.js: divide is not exported"), result.output());
    }

    private LocalCommand checkJava(List<String> promised, String code) {
        LocalCommand.write(dir, Map.of("src/main/java/calc/Calc.java", code));
        LocalCommand compiled = LocalCommand.run(dir, List.of("javac", "-d", ".sf/build/target/classes",
                "src/main/java/calc/Calc.java"));
        assertEquals(0, compiled.exitCode(), compiled.output());
        return check(design(Toolchain.JAVA, Map.of("src/main/java/calc/Calc.java", promised)), Map.of());
    }

    @Test
    void aJavaMethodTheCodeLacksFailsTheProbeLineThatNamesTheFileAndTheSignature() {
        LocalCommand result = checkJava(List.of("public static int add(int a, int b)",
                "public static int multiply(int a, int b)"),
                "package calc;\n\npublic final class Calc {\n    public static int add(int a, int b) {\n"
                        + "        return a + b;\n    }\n}\n");

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("cannot find symbol"), result.output());
        assertTrue(result.output().contains("// src/main/java/calc/Calc.java: public static int multiply(int a, int b)"),
                result.output());
        assertTrue(result.output().contains("interface mismatch:"), result.output());
    }

    @Test
    void javaCodeThatKeepsEveryPromisePasses() {
        LocalCommand result = checkJava(List.of("public final class Calc", "public Calc(int scale)",
                "public int scaled(int x)", "public void reset()", "public java.util.List<Integer> digits(String text,"
                        + " java.util.Map<String, Integer> names)", "static <T> T first(java.util.List<T> items)"),
                "package calc;\n\nimport java.util.*;\n\npublic final class Calc {\n    private int scale;\n\n"
                        + "    public Calc(int scale) {\n        this.scale = scale;\n    }\n\n"
                        + "    public int scaled(int x) {\n        return x * scale;\n    }\n\n"
                        + "    public void reset() {\n        scale = 1;\n    }\n\n"
                        + "    public List<Integer> digits(String text, Map<String, Integer> names) {\n"
                        + "        return List.of();\n    }\n\n"
                        + "    static <T> T first(List<T> items) {\n        return items.get(0);\n    }\n}\n");

        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void aPromisedValueThatTheCodeReturnsAsVoidIsAMismatch() {
        LocalCommand result = checkJava(List.of("public int size()"),
                "package calc;\n\npublic class Calc {\n    public void size() {\n    }\n}\n");

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("// src/main/java/calc/Calc.java: public int size()"), result.output());
    }

    @Test
    void withoutCompiledClassesTheJavaCheckIsSkipped() {
        LocalCommand result = check(design(Toolchain.JAVA, Map.of("src/main/java/calc/Calc.java",
                List.of("public static int add(int a, int b)"))), Map.of());

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("interface check skipped"), result.output());
    }
}
