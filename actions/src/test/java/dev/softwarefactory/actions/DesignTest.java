package dev.softwarefactory.actions;

import static dev.softwarefactory.actions.Answers.DESIGN_JSON;
import static dev.softwarefactory.actions.Answers.assertRejected;
import static dev.softwarefactory.actions.Answers.withJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesignTest {

    private static void assertDesignRejected(String json, String expected) {
        assertRejected(() -> Design.parse(withJson(json)), expected);
    }

    @Test
    void readsLanguageFilesInterfacesDependenciesAndCommands() {
        Design design = Design.parse(withJson(DESIGN_JSON.replace("\"dependencies\": []",
                "\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}]")));

        assertEquals(Toolchain.PYTHON, design.toolchain());
        assertEquals("3.11", design.languageVersion());
        assertEquals(List.of("textstats.py", "wordfreq.py"), design.files());
        assertEquals(List.of("test_wordfreq.py"), design.testFiles());
        assertEquals(List.of("def main(argv: list[str]) -> int"), design.interfaces().get("wordfreq.py"));
        assertEquals(List.of(new Dependency("requests", "2.31.0")), design.dependencies());
        assertEquals(List.of("python3", "-m", "pytest"), design.testCommand());
    }

    @Test
    void usesTheLastJsonBlockWhenThereAreSeveral() {
        String answer = "Draft:\n```json\n{\"language\": \"cobol\"}\n```\n" + withJson(DESIGN_JSON);

        assertEquals(Toolchain.PYTHON, Design.parse(answer).toolchain());
    }

    @Test
    void rejectsAnAnswerWithoutAJsonBlock() {
        assertRejected(() -> Design.parse("# Design\n\nfiles: calc.py\n"), "no ```json block");
    }

    @Test
    void rejectsAJsonBlockThatDoesNotParse() {
        assertDesignRejected("{\"files\": [\"calc.py\", }", "does not parse");
    }

    @Test
    void rejectsAnAnswerCutOffInsideTheJsonBlock() {
        assertRejected(() -> Design.parse("# Design\n\n```json\n{\"language\": \"pyth"), "cut off");
    }

    @Test
    void rejectsAnUnknownLanguage() {
        assertDesignRejected(DESIGN_JSON.replace("\"python\"", "\"cobol\""), "\"language\" must be");
    }

    @Test
    void rejectsAnAbsoluteFilePath() {
        assertDesignRejected(DESIGN_JSON.replace("\"test_files\": [\"test_wordfreq.py\"]",
                "\"test_files\": [\"/etc/passwd\"]"), "absolute file path refused: /etc/passwd");
    }

    @Test
    void rejectsAFilePathThatLeavesTheWorkspace() {
        assertDesignRejected(DESIGN_JSON.replace("\"test_files\": [\"test_wordfreq.py\"]",
                "\"test_files\": [\"../../evil.py\"]"), "'..' refused: ../../evil.py");
    }

    @Test
    void rejectsAFileInTheRuntimeFolder() {
        assertDesignRejected(DESIGN_JSON.replace("\"test_files\": [\"test_wordfreq.py\"]",
                "\"test_files\": [\".sf/x.py\"]"), ".sf/ belongs to the runtime");
    }

    @Test
    void rejectsATestFileThatIsAlsoASourceFile() {
        assertDesignRejected(DESIGN_JSON.replace("\"test_files\": [\"test_wordfreq.py\"]",
                "\"test_files\": [\"wordfreq.py\"]"), "repeats a file");
    }

    @Test
    void rejectsACodeFileWithoutItsInterface() {
        assertDesignRejected(DESIGN_JSON.replace("\"wordfreq.py\": [\"def main(argv: list[str]) -> int\"]",
                "\"other.py\": []"), "\"interfaces\" names other.py");
        assertDesignRejected(DESIGN_JSON.replace(", \"wordfreq.py\": [\"def main(argv: list[str]) -> int\"]", ""),
                "lacks the code file wordfreq.py");
    }

    @Test
    void rejectsAnUnpinnedDependency() {
        assertDesignRejected(DESIGN_JSON.replace("\"dependencies\": []",
                "\"dependencies\": [{\"name\": \"requests\", \"version\": \">=2\"}]"), "pinned to an exact version");
    }

    @Test
    void rejectsAJavaProjectWithoutItsPom() {
        assertDesignRejected(DESIGN_JSON.replace("\"python\"", "\"java\""), "needs pom.xml");
    }

    @Test
    void rejectsAMissingTestCommand() {
        assertDesignRejected(DESIGN_JSON.replace("\"test_command\": [\"python3\", \"-m\", \"pytest\"]",
                "\"test_command\": []"), "\"test_command\" must be a non-empty list");
    }
}
