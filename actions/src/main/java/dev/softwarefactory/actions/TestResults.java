package dev.softwarefactory.actions;

import java.util.List;

/**
 * What a red test run says once read by its runner's parser: how many tests ran (0 when unknown)
 * and which failed, with why. A test that was still running at a timeout is a failure too.
 */
public record TestResults(int tests, List<TestFailure> failures) {
    public static final TestResults NONE = new TestResults(0, List.of());

    public TestResults {
        failures = List.copyOf(failures);
    }

    public boolean known() {
        return !failures.isEmpty();
    }
}
