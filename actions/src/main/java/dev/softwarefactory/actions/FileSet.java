package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole files in Markdown: a line {@code ## File: path} followed by one fenced block with the file's
 * full content. FixBug answers in it, and CodeChange and TestCode messages carry code in it.
 */
public record FileSet(Map<String, String> files) {
    private static final Pattern FILE = Pattern.compile(
            "^#{1,4} File: `?([^`\\n]+?)`?[ \\t]*\\n+```[\\w.+-]*[ \\t]*\\n(.*?)^```[ \\t]*$",
            Pattern.DOTALL | Pattern.MULTILINE);

    public FileSet {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Parses whole files; each path must be relative, stay inside the workspace, and be one of {@code allowed}. */
    public static FileSet parse(String answer, java.util.Collection<String> allowed) {
        Matcher m = FILE.matcher(ModelAnswers.complete(answer));
        Map<String, String> files = new LinkedHashMap<>();
        while (m.find()) {
            String path = m.group(1).strip();
            try {
                Workspace.checkRelative(path);
            } catch (IllegalArgumentException e) {
                throw new AnswerRejected(e.getMessage());
            }
            if (!allowed.contains(path)) {
                throw new AnswerRejected(path + " is not a file of the design " + allowed);
            }
            if (m.group(2).isBlank()) {
                throw new AnswerRejected(path + " is given empty");
            }
            files.put(path, m.group(2));
        }
        if (files.isEmpty()) {
            throw new AnswerRejected("no file given: write each as a line \"## File: path\" and a fenced block");
        }
        return new FileSet(files);
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        files.forEach((path, content) -> text.append("## File: ").append(path).append("\n```\n").append(content)
                .append(content.endsWith("\n") ? "" : "\n").append("```\n\n"));
        return text.toString();
    }
}
