package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesignTest {

    private static String answerWithJson(String json) {
        return "# Design\n\nSome prose.\n\n```json\n" + json + "\n```\n";
    }

    private static void assertRefused(String answer, String expectedInMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Design.parse(answer));
        assertTrue(e.getMessage().contains(expectedInMessage),
                "message '" + e.getMessage() + "' should contain '" + expectedInMessage + "'");
    }

    @Test
    void parsesFilesAndTestCommandFromTheJsonBlock() {
        Design design = Design.parse(answerWithJson(
                "{\"files\": [\"calc.py\", \"tests/test_calc.py\"], \"test_command\": [\"python3\", \"-m\", \"unittest\"]}"));

        assertEquals(List.of("calc.py", "tests/test_calc.py"), design.files());
        assertEquals(List.of("python3", "-m", "unittest"), design.testCommand());
    }

    @Test
    void usesTheLastJsonBlockWhenThereAreSeveral() {
        String answer = "Draft:\n```json\n{\"files\": [\"old.py\"], \"test_command\": [\"old\"]}\n```\n"
                + "Final:\n```json\n{\"files\": [\"new.py\"], \"test_command\": [\"pytest\"]}\n```\n";

        Design design = Design.parse(answer);

        assertEquals(List.of("new.py"), design.files());
        assertEquals(List.of("pytest"), design.testCommand());
    }

    @Test
    void refusesAnAnswerWithoutAJsonBlock() {
        assertRefused("# Design\n\nfiles: calc.py\n```python\nprint(1)\n```\n", "no ```json block");
    }

    @Test
    void refusesAJsonBlockThatDoesNotParse() {
        assertRefused(answerWithJson("{\"files\": [\"calc.py\", }"), "does not parse");
    }

    @Test
    void refusesMissingFiles() {
        assertRefused(answerWithJson("{\"test_command\": [\"pytest\"]}"), "\"files\"");
    }

    @Test
    void refusesEmptyFiles() {
        assertRefused(answerWithJson("{\"files\": [], \"test_command\": [\"pytest\"]}"), "\"files\"");
    }

    @Test
    void refusesNonStringFileEntries() {
        assertRefused(answerWithJson("{\"files\": [\"a.py\", 3], \"test_command\": [\"pytest\"]}"),
                "\"files\" must hold only strings");
    }

    @Test
    void refusesNonStringTestCommandEntries() {
        assertRefused(answerWithJson("{\"files\": [\"a.py\"], \"test_command\": [\"pytest\", {\"x\": 1}]}"),
                "\"test_command\" must hold only strings");
    }

    @Test
    void refusesAnAbsoluteFilePath() {
        assertRefused(answerWithJson("{\"files\": [\"/etc/passwd\"], \"test_command\": [\"pytest\"]}"),
                "absolute file path refused: /etc/passwd");
    }

    @Test
    void refusesAFilePathWithDotDot() {
        assertRefused(answerWithJson("{\"files\": [\"src/../../evil.py\"], \"test_command\": [\"pytest\"]}"),
                "'..' refused: src/../../evil.py");
    }

    @Test
    void refusesAFileNamedTwice() {
        assertRefused(answerWithJson("{\"files\": [\"a.py\", \"a.py\"], \"test_command\": [\"x\"]}"),
                "names a file twice");
    }

    @Test
    void refusesAPathThatNamesNoFile() {
        assertRefused(answerWithJson("{\"files\": [\".\"], \"test_command\": [\"x\"]}"), "names no file");
    }
}
