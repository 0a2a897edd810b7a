package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code python -m unittest -v}: each FAIL or ERROR block with its last exception line
 * and project frames, and on a timeout the test whose progress line has no outcome yet.
 */
final class UnittestOutput {
    private static final Pattern BLOCK = Pattern.compile("^(FAIL|ERROR): (\\S+) \\(([^)]+)\\)");
    private static final Pattern STARTED = Pattern.compile("^(\\w+) \\(([\\w.]+)\\)(.*)$");
    private static final Pattern OUTCOME = Pattern.compile(
            "(?:\\.\\.\\. |^)(?:ok|FAIL|ERROR|skipped\\b.*|expected failure|unexpected success)$");
    private static final Pattern SEPARATOR = Pattern.compile("^(={20,}|-{20,})$");

    private UnittestOutput() {
    }

    static TestResults parse(String output, boolean timedOut, ProjectFrames frames) {
        List<String> lines = output.lines().toList();
        List<TestFailure> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = BLOCK.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && (end == i + 1 || !SEPARATOR.matcher(lines.get(end)).matches())) {
                end++;
            }
            List<String> block = lines.subList(i + 1, end);
            String traceback = String.join("\n", block);
            failures.add(new TestFailure(name(m.group(2), m.group(3)), exception(block, m.group(1)),
                    frames.select(traceback)));
            i = end - 1;
        }
        if (timedOut) {
            running(lines).ifPresent(test -> failures.add(TestFailure.hung(test, List.of())));
        }
        return new TestResults(0, failures);
    }

    /** The exception line after the last traceback's frames, and the lines that follow it (a diff). */
    private static String exception(List<String> block, String fallback) {
        int start = -1;
        boolean inTraceback = false;
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            if (line.startsWith("Traceback (most recent call last)")) {
                inTraceback = true;
            } else if (inTraceback && !line.startsWith(" ") && !line.isBlank()) {
                start = i;
                inTraceback = false;
            }
        }
        if (start < 0) {
            return fallback;
        }
        return String.join("\n", block.subList(start, block.size())
                .stream().filter(l -> !SEPARATOR.matcher(l).matches()).toList()).strip();
    }

    /** Python 3.11 writes "test (module.Class.test)", older ones "test (module.Class)". */
    private static String name(String method, String where) {
        return where.endsWith("." + method) ? where : where + "." + method;
    }

    /** The last test whose progress line has no outcome; a docstring may put the outcome on the next line. */
    private static Optional<String> running(List<String> lines) {
        String current = null;
        boolean done = true;
        for (String line : lines) {
            Matcher started = STARTED.matcher(line);
            String rest = line;
            if (started.matches()) {
                current = name(started.group(1), started.group(2));
                done = false;
                rest = started.group(3).strip();
            }
            if (!done && OUTCOME.matcher(rest.strip()).find()) {
                done = true;
            }
        }
        return done ? Optional.empty() : Optional.of(current);
    }
}
