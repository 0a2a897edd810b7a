package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a red test run with the parser of its runner: the JUnit XML that pytest and Surefire write
 * under {@code .sf/} (fetched by one more sandboxed command, so replays serve it from the journal),
 * else the runner's console output.
 */
final class TestRunReader {
    static final String PYTEST_XML = ".sf/test-results/pytest.xml";
    static final String SUREFIRE_XML = ".sf/build/target/surefire-reports/TEST-*.xml";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private TestRunReader() {
    }

    /** {@code files}: the project's files as the run tested them, for a node run that timed out. */
    static TestResults read(ActionContext context, Design design, boolean pytest, CommandExited run,
            Map<String, String> files) {
        ProjectFrames frames = new ProjectFrames(design);
        switch (design.toolchain()) {
            case PYTHON:
                if (!pytest) {
                    return UnittestOutput.parse(run.output(), run.timedOut(), frames);
                }
                TestResults fromXml = run.timedOut() ? TestResults.NONE : JunitXml.parse(reports(context,
                        PYTEST_XML), frames);
                return fromXml.known() ? fromXml : PytestOutput.parse(run.output(), run.timedOut(), frames);
            case JAVA:
                return run.timedOut() ? TestResults.NONE : JunitXml.parse(reports(context, SUREFIRE_XML), frames);
            default:
                Map<String, String> tests = new LinkedHashMap<>();
                design.testFiles().stream().filter(files::containsKey).forEach(f -> tests.put(f, files.get(f)));
                return NodeTestOutput.parse(run.output(), run.timedOut(), frames, tests);
        }
    }

    private static String reports(ActionContext context, String glob) {
        return context.exec("test-results", List.of("sh", "-c", "cat " + glob + " 2>/dev/null; exit 0"),
                READ_TIMEOUT).output();
    }
}
