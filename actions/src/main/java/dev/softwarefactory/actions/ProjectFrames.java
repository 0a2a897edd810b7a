package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the traceback lines that point into the project's own files, dropping the test runner's,
 * the standard library's and site-packages' frames; a frame's indented source line comes with it.
 */
final class ProjectFrames {
    static final int MAX_LINES = 12;
    private static final Pattern JAVA_FRAME = Pattern.compile("\\((\\w+\\.java):\\d+\\)");
    private final List<String> files;
    /** A file as a traceback names it: "file.py:12", File "/ws/file.py", (/ws/file.js:3:41). */
    private final Pattern mentionsProjectFile;

    ProjectFrames(Design design) {
        this.files = design.allFiles();
        this.mentionsProjectFile = Pattern.compile("(?:^|[\\s\"/(])(?:" + String.join("|", files.stream()
                .map(Pattern::quote).toList()) + ")(?:\"|:\\d)");
    }

    List<String> select(String traceback) {
        List<String> lines = traceback.lines().toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size() && kept.size() < MAX_LINES; i++) {
            if (isProjectFrame(lines.get(i))) {
                kept.add(lines.get(i).strip());
                if (i + 1 < lines.size() && isSourceLine(lines.get(i), lines.get(i + 1))) {
                    kept.add("    " + lines.get(++i).strip());
                }
            }
        }
        return kept;
    }

    boolean isProjectFrame(String line) {
        if (line.contains("site-packages") || line.contains("<frozen")) {
            return false;
        }
        Matcher java = JAVA_FRAME.matcher(line);
        if (java.find() && line.strip().startsWith("at ")) {
            String name = java.group(1);
            return files.stream().anyMatch(f -> f.equals(name) || f.endsWith("/" + name));
        }
        return mentionsProjectFile.matcher(line).find();
    }

    /** The source line a Python frame line is followed by: more indented, and not itself a frame. */
    private boolean isSourceLine(String frame, String next) {
        return !next.isBlank() && indent(next) > indent(frame) && !next.strip().startsWith("File \"")
                && !next.strip().startsWith("at ") && !next.strip().startsWith("E ") && !isProjectFrame(next);
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
