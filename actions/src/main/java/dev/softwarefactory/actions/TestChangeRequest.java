package dev.softwarefactory.actions;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Engineer's request that QA change a test, with the source files changed alongside it. As a
 * message: a first line {@code TEST CHANGE REQUEST}, the request, then the files as a {@link FileSet}.
 */
public record TestChangeRequest(String request, FileSet files) {
    public static final String HEADER = "TEST CHANGE REQUEST";
    private static final Pattern FILE_LINE = Pattern.compile("(?m)^#{1,4} File:");

    public String render() {
        return HEADER + "\n" + request.strip() + "\n\n" + (files.files().isEmpty() ? "" : files.render());
    }

    /** Reads a message this class rendered. */
    public static TestChangeRequest parse(String content, Design design) {
        String body = content.startsWith(HEADER) ? content.substring(HEADER.length()) : content;
        Matcher file = FILE_LINE.matcher(body);
        if (!file.find()) {
            return new TestChangeRequest(body.strip(), new FileSet(Map.of()));
        }
        return new TestChangeRequest(body.substring(0, file.start()).strip(),
                FileSet.parse(body.substring(file.start()), design.allFiles()));
    }
}
