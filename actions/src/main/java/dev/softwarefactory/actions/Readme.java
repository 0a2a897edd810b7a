package dev.softwarefactory.actions;

import java.util.List;

/** A WriteReadme answer: the project's README in Markdown, saying how to install and run it. */
public final class Readme {
    static final List<String> SECTIONS = List.of("Install", "Run");

    private Readme() {
    }

    public static String parse(String answer) {
        ModelAnswers.complete(answer);
        List<String> missing = ModelAnswers.missingSections(answer, SECTIONS);
        if (!missing.isEmpty()) {
            throw new AnswerRejected("the README lacks the sections (## headings): " + String.join(", ", missing));
        }
        return answer.endsWith("\n") ? answer : answer + "\n";
    }
}
