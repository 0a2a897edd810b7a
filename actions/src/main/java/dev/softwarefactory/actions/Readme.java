package dev.softwarefactory.actions;

/** A WriteReadme answer: the project's README in Markdown, saying how to install and run it. */
public final class Readme {
    private static final MarkdownDocument SECTIONS = MarkdownDocument.of("readme");

    private Readme() {
    }

    public static String parse(String answer) {
        return SECTIONS.parse(answer);
    }
}
