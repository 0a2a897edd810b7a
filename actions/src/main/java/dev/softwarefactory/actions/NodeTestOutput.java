package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TAP that node's test runner writes when its output is not a terminal: each {@code not ok} test
 * with the error of its YAML block and the stack lines in project files. node reports a test only once
 * it ends, so on a timeout the test still running is the first one of the test files, in the order they
 * declare them, that has no result line: tests of a file run one after another.
 */
final class NodeTestOutput {
    private static final Pattern NOT_OK = Pattern.compile("^(\\s*)not ok \\d+ - (.*?)(?: # .*)?$");
    private static final Pattern FIELD = Pattern.compile("^\\s*(\\w+): ?(.*)$");
    private static final Pattern RESULT = Pattern.compile("^\\s*(?:not )?ok \\d+ - (.*?)(?: # .*)?$");
    /** {@code test('name', ...)} and {@code it("name", ...)}, with .only/.skip/.todo, in a test file's source. */
    private static final Pattern DECLARED = Pattern.compile(
            "\\b(?:test|it)(?:\\.only|\\.skip|\\.todo)?\\s*\\(\\s*(['\"`])((?:\\\\.|(?!\\1).)*)\\1");

    private NodeTestOutput() {
    }

    /** {@code testSources}: the test files' content in the design's order, read for a timeout. */
    static TestResults parse(String output, boolean timedOut, ProjectFrames frames, Map<String, String> testSources) {
        TestResults results = parse(output, frames);
        if (!timedOut) {
            return results;
        }
        List<TestFailure> failures = new ArrayList<>(results.failures());
        running(output, testSources).ifPresent(test -> failures.add(TestFailure.hung(test, List.of())));
        return new TestResults(results.tests(), failures);
    }

    static TestResults parse(String output, ProjectFrames frames) {
        List<String> lines = output.lines().toList();
        List<TestFailure> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = NOT_OK.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("...")
                    && !NOT_OK.matcher(lines.get(end)).matches()) {
                end++;
            }
            List<String> block = lines.subList(i + 1, end);
            if (isParentOfFailure(block, failures)) {
                continue;
            }
            failures.add(new TestFailure(m.group(2), message(block), frames.select(String.join("\n", block))));
        }
        return new TestResults(0, failures);
    }

    /** The first declared test without a result line: node was running it when the time limit was reached. */
    static Optional<String> running(String output, Map<String, String> testSources) {
        Set<String> ended = new HashSet<>();
        for (String line : output.lines().toList()) {
            Matcher m = RESULT.matcher(line);
            if (m.matches()) {
                ended.add(m.group(1));
            }
        }
        for (String source : testSources.values()) {
            Matcher declared = DECLARED.matcher(source);
            while (declared.find()) {
                if (!ended.contains(declared.group(2))) {
                    return Optional.of(declared.group(2));
                }
            }
        }
        return Optional.empty();
    }

    /** A suite or file is "not ok" because a test inside it failed; that test is already listed. */
    private static boolean isParentOfFailure(List<String> block, List<TestFailure> failures) {
        return !failures.isEmpty() && block.stream().anyMatch(l -> l.contains("failureType: 'subtestsFailed'"));
    }

    private static String message(List<String> block) {
        String name = "";
        StringBuilder error = new StringBuilder();
        for (int i = 0; i < block.size(); i++) {
            Matcher field = FIELD.matcher(block.get(i));
            if (!field.matches()) {
                continue;
            }
            if (field.group(1).equals("name")) {
                name = unquote(field.group(2));
            } else if (field.group(1).equals("error")) {
                if (field.group(2).startsWith("|")) {
                    int indent = block.get(i).indexOf("error") + 2;
                    for (int j = i + 1; j < block.size() && (block.get(j).isBlank()
                            || block.get(j).length() > indent && block.get(j).substring(0, indent).isBlank()); j++) {
                        if (!block.get(j).isBlank()) {
                            error.append(error.length() == 0 ? "" : " ").append(block.get(j).strip());
                        }
                    }
                } else {
                    error.append(unquote(field.group(2)));
                }
            }
        }
        return name.isEmpty() ? error.toString() : name + ": " + error;
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))
                ? v.substring(1, v.length() - 1) : v;
    }
}
