package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stub detector judges function bodies, per language, and names the stubs it finds. */
class StubDetectorTest {

    @Test
    void aPythonFunctionWithAMultiLineSignatureAndOnlyPassIsAStub() {
        assertEquals(List.of("load (only pass)"), StubDetector.stubs("io.py",
                "def load(\n    path: str,\n    encoding: str = \"utf-8\",\n) -> dict:\n    # TODO\n    pass\n"));
    }

    @Test
    void anAsyncPythonMethodRaisingNotImplementedIsAStub() {
        assertEquals(List.of("Client.fetch (only raises NotImplementedError)"), StubDetector.stubs("client.py",
                "class Client:\n    async def fetch(self, url):\n        raise NotImplementedError()\n"));
    }

    @Test
    void aPythonFunctionThatOnlyHasADocstringIsAStub() {
        assertEquals(List.of("total (only a docstring)"), StubDetector.stubs("cart.py",
                "def total(items):\n    '''Sum of the prices.'''\n"));
    }

    @Test
    void aPythonFunctionThatRaisesNotImplementedAmongOtherCodeIsNotAStub() {
        assertEquals(List.of(), StubDetector.stubs("ops.py", "def apply(op, a, b):\n    if op == '+':\n"
                + "        return a + b\n    raise NotImplementedError(op)\n"));
    }

    @Test
    void aNestedPythonFunctionIsJudgedOnItsOwn() {
        assertEquals(List.of("inner (only ...)"), StubDetector.stubs("deco.py",
                "def outer():\n    def inner():\n        ...\n    return inner\n"));
    }

    @Test
    void aPythonFileOfOnlyTodoCommentsIsAStub() {
        assertEquals(List.of("the file (only comments)"), StubDetector.stubs("x.py", "# TODO: implement the parser\n"));
    }

    @Test
    void anEmptyPythonPackageMarkerIsNotAStub() {
        assertEquals(List.of(), StubDetector.stubs("pkg/__init__.py", "\"\"\"The pkg package.\"\"\"\n"));
    }

    @Test
    void javaInterfaceDeclarationsAndDefaultMethodsAreNotStubs() {
        assertEquals(List.of(), StubDetector.stubs("Shape.java", "public interface Shape {\n    double area();\n"
                + "    default String name() {\n        return \"shape\";\n    }\n}\n"));
    }

    @Test
    void aJavaMethodWithAThrowsClauseThatOnlyThrowsNotImplementedIsAStub() {
        assertEquals(List.of("read (only throws UnsupportedOperationException)"), StubDetector.stubs("Io.java",
                "class Io {\n    String read(java.nio.file.Path p) throws java.io.IOException {\n"
                        + "        throw new java.lang.UnsupportedOperationException(\"Not implemented yet\");\n    }\n}\n"));
    }

    @Test
    void controlBlocksAndAnonymousClassesAreNotFunctions() {
        assertEquals(List.of(), StubDetector.stubs("Loop.java", "class Loop {\n    void run(java.util.List<String> xs) {\n"
                + "        for (String x : xs) {\n            // TODO: log\n        }\n"
                + "        Runnable r = new Runnable() {\n            public void run() { System.out.println(); }\n"
                + "        };\n        if (xs.isEmpty()) {\n        }\n    }\n}\n"));
    }

    @Test
    void aTypeScriptMethodWithAReturnTypeAndATodoIsAStub() {
        assertEquals(List.of("total (empty, with a TODO)"), StubDetector.stubs("cart.ts",
                "export class Cart {\n  total(items: Item[]): Promise<number> {\n    // TODO implement\n  }\n}\n"));
    }

    @Test
    void anArrowFunctionThatThrowsNotImplementedIsAStub() {
        assertEquals(List.of("the lambda on line 1 (only throws Error)"), StubDetector.stubs("a.js",
                "export const parse = (text) => {\n  throw new Error('TODO: parse');\n};\n"));
    }

    @Test
    void aBraceInsideACommentOrStringDoesNotOpenABody() {
        assertEquals(List.of(), StubDetector.stubs("b.js", "// function f() {\nconst s = \"function g() { }\";\n"
                + "function h() { return s; }\n"));
    }

    @Test
    void kotlinTodoRustTodoAndGoPanicAreStubs() {
        assertEquals(List.of("area (only TODO (not implemented))"), StubDetector.stubs("A.kt",
                "fun area(r: Double): Double {\n    TODO()\n}\n"));
        assertEquals(List.of("area (only todo (not implemented))"), StubDetector.stubs("a.rs",
                "fn area(r: f64) -> f64 {\n    todo!()\n}\n"));
        assertEquals(List.of("Area (only panic (not implemented))"), StubDetector.stubs("a.go",
                "func (c Circle) Area() float64 {\n\tpanic(\"not implemented\")\n}\n"));
    }

    @Test
    void filesOfOtherLanguagesAreNotJudged() {
        assertEquals(List.of(), StubDetector.stubs("README.md", "TODO: write\n"));
    }
}
