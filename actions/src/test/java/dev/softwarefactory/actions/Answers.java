package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Model answers used across the parser tests, and the assertion that one is rejected for a reason. */
final class Answers {
    static final String DESIGN_JSON = "{\"language\": \"python\", \"language_version\": \"3.11\","
            + " \"files\": [\"textstats.py\", \"wordfreq.py\"], \"test_files\": [\"test_wordfreq.py\"],"
            + " \"interfaces\": {\"textstats.py\": [\"def words(text: str) -> list[str]\"],"
            + " \"wordfreq.py\": [\"def main(argv: list[str]) -> int\"]},"
            + " \"dependencies\": [], \"build_command\": [], \"test_command\": [\"python3\", \"-m\", \"pytest\"]}";

    private Answers() {
    }

    static String withJson(String json) {
        return "# Title\n\nSome prose.\n\n```json\n" + json + "\n```\n";
    }

    static Design design() {
        return Design.parse(withJson(DESIGN_JSON));
    }

    static void assertRejected(Executable parse, String expectedInMessage) {
        AnswerRejected e = assertThrows(AnswerRejected.class, parse);
        assertTrue(e.getMessage().contains(expectedInMessage),
                "message '" + e.getMessage() + "' should contain '" + expectedInMessage + "'");
    }
}
