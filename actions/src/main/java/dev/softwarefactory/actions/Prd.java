package dev.softwarefactory.actions;

/**
 * A WritePRD answer: Markdown with goals, user stories, requirements and acceptance criteria,
 * headed in any language; open questions may be left out when there are none.
 */
public final class Prd {
    private static final MarkdownDocument SECTIONS = MarkdownDocument.of("prd");

    private Prd() {
    }

    /** The PRD, once it has every required section; {@link AnswerRejected} names the missing ones. */
    public static String parse(String answer) {
        return SECTIONS.parse(answer);
    }
}
