package dev.softwarefactory.actions;

import java.util.regex.Pattern;

/**
 * An Engineer's request that QA change a test, with the source files changed alongside it. As a
 * message: a first line {@code TEST CHANGE REQUEST}, the request, then the files as a {@link FileSet}.
 */
public record TestChangeRequest(String request, FileSet files) {
    public static final String HEADER = "TEST CHANGE REQUEST";
    private static final Pattern MARKER = Pattern.compile(Pattern.quote(HEADER) + "(.*)");

    public String render() {
        return HEADER + "\n" + request.strip() + "\n\n" + (files.files().isEmpty() ? "" : files.render());
    }

    /** Reads a message this class rendered; a block the request quotes stays in it. */
    public static TestChangeRequest parse(String content, Design design) {
        String text = MarkdownBlocks.normalize(content.startsWith(HEADER) ? content : HEADER + "\n" + content);
        MarkedSection section = MarkedSection.find(text, MARKER,
                block -> FileLabel.of(block).filter(FileLabel::strong).isPresent()).orElseThrow();
        return new TestChangeRequest(section.text(), FileSet.labelled(section.rest(), design.allFiles(),
                FileLabel::strong));
    }
}
