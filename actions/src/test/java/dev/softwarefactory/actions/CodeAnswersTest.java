package dev.softwarefactory.actions;

import static dev.softwarefactory.actions.Answers.assertRejected;
import static dev.softwarefactory.actions.Answers.withJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WriteCode and WriteTests (one file), FixBug (whole files), ReviewCode (verdict and comments). */
class CodeAnswersTest {
    private static final List<String> FILES = List.of("calc.py", "test_calc.py");

    @Test
    void aFencedFileIsItsBlockBody() {
        assertEquals("x = 1\n", CodeFile.parse("Here it is:\n```python\nx = 1\n```\nDone.", "calc.py"));
    }

    @Test
    void aBareFileIsTheWholeAnswerWithAFinalNewline() {
        assertEquals("x = 1\n", CodeFile.parse("x = 1", "calc.py"));
    }

    @Test
    void aFileCutOffInsideItsBlockIsRejected() {
        assertRejected(() -> CodeFile.parse("```python\ndef add(a, b):\n    return a +", "calc.py"), "cut off");
    }

    @Test
    void aStubIsRejected() {
        assertRejected(() -> CodeFile.parse("```python\ndef add(a, b):\n    raise NotImplementedError\n```\n", "calc.py"),
                "stub");
    }

    @Test
    void anEmptyBlockIsRejected() {
        assertRejected(() -> CodeFile.parse("```python\n\n```\n", "calc.py"), "empty");
    }

    @Test
    void fixBugAnswersParseIntoWholeFiles() {
        FileSet files = FileSet.parse("Fixed.\n\n## File: calc.py\n```python\nA = 1\n```\n\n"
                + "## File: `test_calc.py`\n```\nB = 2\n```\n", FILES);

        assertEquals(Map.of("calc.py", "A = 1\n", "test_calc.py", "B = 2\n"), files.files());
    }

    @Test
    void aFileSetRoundTripsThroughItsRendering() {
        FileSet files = new FileSet(Map.of("calc.py", "A = 1\n"));

        assertEquals(files, FileSet.parse(files.render(), FILES));
    }

    @Test
    void aFixOutsideTheWorkspaceIsRejected() {
        assertRejected(() -> FileSet.parse("## File: ../calc.py\n```\nA = 1\n```\n", FILES), "'..' refused");
        assertRejected(() -> FileSet.parse("## File: /etc/passwd\n```\nroot\n```\n", FILES), "absolute");
    }

    @Test
    void aFixOfAFileOutsideTheDesignIsRejected() {
        assertRejected(() -> FileSet.parse("## File: setup.py\n```\nA = 1\n```\n", FILES), "not a file of the design");
    }

    @Test
    void aFixWithoutFilesIsRejected() {
        assertRejected(() -> FileSet.parse("I fixed it, trust me.", FILES), "no file given");
    }

    @Test
    void anApprovingReviewRendersApproved() {
        Review review = Review.parse(withJson("{\"approved\": true, \"comments\": []}"), Answers.design());

        assertTrue(review.approved());
        assertTrue(review.render().startsWith(Review.APPROVED));
    }

    @Test
    void aReviewWithCommentsRendersThemForFixBug() {
        Review review = Review.parse(withJson("{\"approved\": false, \"comments\": [{\"file\": \"wordfreq.py\","
                + " \"comment\": \"main ignores --top\"}]}"), Answers.design());

        assertFalse(review.approved());
        assertEquals(Review.CHANGES_REQUESTED + "\n- wordfreq.py: main ignores --top\n", review.render());
    }

    @Test
    void aRejectingReviewWithoutCommentsIsRejected() {
        assertRejected(() -> Review.parse(withJson("{\"approved\": false, \"comments\": []}"), Answers.design()),
                "must say what to change");
    }

    @Test
    void aReviewCommentOnAnUnknownFileIsRejected() {
        assertRejected(() -> Review.parse(withJson("{\"approved\": false, \"comments\": [{\"file\": \"x.py\","
                + " \"comment\": \"c\"}]}"), Answers.design()), "x.py, which is not a file of the design");
    }

    @Test
    void aReviewWithoutAVerdictIsRejected() {
        assertRejected(() -> Review.parse(withJson("{\"comments\": []}"), Answers.design()), "\"approved\"");
    }
}
