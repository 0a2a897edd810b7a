package dev.softwarefactory.actions;

import java.util.List;

/** A WritePRD answer: Markdown with the sections a PRD must have. */
public final class Prd {
    static final List<String> SECTIONS = List.of("Goals", "User stories", "Requirement pool",
            "Acceptance criteria", "Open questions");

    private Prd() {
    }

    /** The PRD as given, once it has every section; {@link AnswerRejected} names the missing ones. */
    public static String parse(String answer) {
        ModelAnswers.complete(answer);
        List<String> missing = ModelAnswers.missingSections(answer, SECTIONS);
        if (!missing.isEmpty()) {
            throw new AnswerRejected("the PRD lacks the sections (## headings): " + String.join(", ", missing));
        }
        return answer.endsWith("\n") ? answer : answer + "\n";
    }
}
