package dev.softwarefactory.actions;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file a fenced block is for, as models name it: on the fence line ({@code ```python
 * title=src/x.py}, {@code ```src/x.py}, {@code ```py:src/x.py}), on a line of its own before the
 * fence ({@code ## File: x.py}, {@code ### src/x.py}, {@code **src/x.py**}), in the prose leading to
 * it ("Here is the fixed `x.py`:"), or in a first-line comment ({@code # file: x.py}).
 *
 * @param strong whether the name was given as a label (fence line or a line of its own), not only
 *     mentioned in prose or a comment
 */
record FileLabel(String path, boolean strong) {
    private static final String PATH = "(?:\\./)?((?:[\\w.-]+/)*[\\w-][\\w.-]*\\.[A-Za-z][A-Za-z0-9]*"
            + "|(?:[\\w.-]+/)*(?:Makefile|Dockerfile))";
    private static final String BOLD = "(?:\\*\\*|__)?";
    private static final Pattern WHOLE_PATH = Pattern.compile(PATH);
    private static final Pattern INFO_ATTRIBUTE = Pattern.compile(
            "(?:title|file|filename|path|name)\\s*=\\s*[\"']?" + PATH + "[\"']?", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFO_COLON = Pattern.compile("^[\\w+#-]+:" + PATH + "$");
    /** "File: any/path" takes any path, so that one outside the workspace is refused by name. */
    private static final Pattern EXPLICIT = Pattern.compile("^(?:#{1,6}\\s*)?" + BOLD
            + "(?:file(?:name)?|path|文件名?|fichier|archivo|datei)\\s*[:：]\\s*" + BOLD + "`?([^`\\s*:：]+)`?" + BOLD
            + "\\s*[:：]?\\s*" + BOLD + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OWN_LINE = Pattern.compile("^(?:#{1,6}\\s*)?(?:[-*]\\s+)?" + BOLD + "`?" + PATH + "`?"
            + BOLD + "\\s*[:：]?\\s*" + BOLD + "$");
    private static final Pattern BACKTICKED = Pattern.compile("`" + PATH + "`");
    private static final Pattern FIRST_LINE_COMMENT = Pattern.compile("^\\s*(?:#|//|/\\*|<!--|--)\\s*"
            + "(?:(?:file(?:name)?|path)\\s*:\\s*)?" + PATH + "\\s*(?:\\*/|-->)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** The label of a block, if it has one. */
    static Optional<FileLabel> of(MarkdownBlocks.Block block) {
        return onFenceLine(block.info())
                .or(() -> Optional.ofNullable(block.lineBefore()).flatMap(FileLabel::onOwnLine))
                .or(() -> Optional.ofNullable(block.lineBefore()).flatMap(FileLabel::inProse))
                .or(() -> inFirstLine(block.body()));
    }

    private static Optional<FileLabel> onFenceLine(String info) {
        Matcher attribute = INFO_ATTRIBUTE.matcher(info);
        if (attribute.find()) {
            return strong(attribute.group(1));
        }
        Matcher colon = INFO_COLON.matcher(info);
        if (colon.matches()) {
            return strong(colon.group(1));
        }
        for (String word : info.split("\\s+")) {
            Matcher path = WHOLE_PATH.matcher(word);
            if (path.matches()) {
                return strong(path.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<FileLabel> onOwnLine(String line) {
        Matcher explicit = EXPLICIT.matcher(line);
        if (explicit.matches()) {
            return strong(explicit.group(1));
        }
        Matcher m = OWN_LINE.matcher(line);
        return m.matches() ? strong(m.group(1)) : Optional.empty();
    }

    private static Optional<FileLabel> inProse(String line) {
        Set<String> named = new LinkedHashSet<>();
        Matcher m = BACKTICKED.matcher(line);
        while (m.find()) {
            named.add(m.group(1));
        }
        return named.size() == 1 ? Optional.of(new FileLabel(named.iterator().next(), false)) : Optional.empty();
    }

    private static Optional<FileLabel> inFirstLine(String body) {
        String first = body.lines().findFirst().orElse("");
        Matcher m = FIRST_LINE_COMMENT.matcher(first);
        return m.matches() ? Optional.of(new FileLabel(m.group(1), false)) : Optional.empty();
    }

    private static Optional<FileLabel> strong(String path) {
        return Optional.of(new FileLabel(path, true));
    }

    /** Whether this label names {@code path}, allowing one to be the other with leading folders. */
    boolean names(String wanted) {
        return path.equals(wanted) || wanted.endsWith("/" + path) || path.endsWith("/" + wanted);
    }
}
