package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest's console output, read when its JUnit XML is missing (the run was killed): the failures of
 * its short summary, and on a timeout the tests its {@code -v} progress shows failed, and the one it
 * shows started but not finished, with the frames of the traceback {@code faulthandler_timeout} dumped.
 */
final class PytestOutput {
    private static final Pattern PROGRESS = Pattern.compile(
            "^(\\S+::\\S+)(?: (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\\b)?");
    private static final Pattern SUMMARY = Pattern.compile("^(FAILED|ERROR) (\\S+)(?: - (.*))?$");
    static final String FAILED_BEFORE = "failed before the time limit stopped the run (its details were not"
            + " printed yet)";

    private PytestOutput() {
    }

    static TestResults parse(String output, boolean timedOut, ProjectFrames frames) {
        List<TestFailure> failures = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher m = SUMMARY.matcher(line);
            if (m.matches()) {
                failures.add(new TestFailure(m.group(2), m.group(3) == null ? m.group(1) : m.group(3), List.of()));
            }
        }
        if (timedOut) {
            failedBefore(output).forEach(test -> failures.add(new TestFailure(test, FAILED_BEFORE, List.of())));
            running(output).ifPresent(test -> failures.add(TestFailure.hung(test, frames.select(output))));
        }
        return new TestResults(0, failures);
    }

    /** Tests {@code -v} shows failed before the run was stopped: their details were still to be printed. */
    private static List<String> failedBefore(String output) {
        List<String> failed = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher m = PROGRESS.matcher(line);
            if (m.find() && ("FAILED".equals(m.group(2)) || "ERROR".equals(m.group(2)))) {
                failed.add(m.group(1));
            }
        }
        return failed;
    }

    /** The last test that {@code -v} shows started without an outcome. */
    static Optional<String> running(String output) {
        String last = null;
        boolean finished = true;
        for (String line : output.lines().toList()) {
            Matcher m = PROGRESS.matcher(line);
            if (m.find()) {
                last = m.group(1);
                finished = m.group(2) != null;
            }
        }
        return finished ? Optional.empty() : Optional.of(last);
    }
}
