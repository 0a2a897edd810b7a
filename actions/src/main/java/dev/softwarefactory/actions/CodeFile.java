package dev.softwarefactory.actions;

/** A WriteCode or WriteTests answer: one file's whole content, bare or in one fenced block. */
public final class CodeFile {
    private CodeFile() {
    }

    public static String parse(String answer) {
        String body = ModelAnswers.codeBody(answer);
        if (body.contains("NotImplementedError") || body.contains("TODO: implement")) {
            throw new AnswerRejected("the file is a stub (NotImplementedError / TODO): write the implementation");
        }
        return body;
    }
}
