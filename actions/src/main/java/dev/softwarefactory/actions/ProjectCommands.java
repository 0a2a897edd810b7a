package dev.softwarefactory.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that check and test a project of the design's language. They leave the workspace as
 * it was: Python runs without caches, and builds that write output (Maven, npm) run on a copy under
 * the runtime's {@code .sf/} folder, which replay ignores.
 */
public final class ProjectCommands {
    static final String VENV_PYTHON = ".sf/venv/bin/python";
    private static final String IN_BUILD_COPY = "rm -rf .sf/build && mkdir -p .sf/build"
            + " && tar -cf - --exclude=./.sf . | tar -xf - -C .sf/build && cd .sf/build && exec \"$@\"";
    private final Design design;

    public ProjectCommands(Design design) {
        this.design = design;
    }

    /** Python: byte-compile and import every module; Java: compile; Node: syntax-check every file. */
    public List<String> consistencyCheck() {
        switch (design.toolchain()) {
            case PYTHON:
                List<String> python = new ArrayList<>(List.of(python(), "-c", resource("python-consistency.py"),
                        "--sources"));
                design.files().stream().filter(design.toolchain()::isCode).forEach(python::add);
                python.add("--tests");
                design.testFiles().stream().filter(design.toolchain()::isCode).forEach(python::add);
                return python;
            case JAVA:
                return inBuildCopy(List.of("mvn", "-o", "-q", "-B", "test-compile"));
            default:
                List<String> node = new ArrayList<>(List.of("sh", "-c", "for f in \"$@\"; do node --check \"$f\""
                        + " || exit 1; done", "sh"));
                design.allFiles().stream().filter(design.toolchain()::isCode).forEach(node::add);
                return node;
        }
    }

    /** Asks whether pytest can be imported; only Python projects ask. */
    public List<String> pytestProbe() {
        return List.of(python(), "-c", "import pytest");
    }

    /**
     * Python: pytest when importable, else unittest; Java: mvn -o test; Node: npm test. pytest writes
     * JUnit XML under .sf/, names each test as it starts ({@code -v}, unbuffered) and dumps the stack
     * of a test still running at half the time limit, so a timeout can say which test hung.
     */
    public List<String> tests(boolean pytestAvailable, Duration timeout) {
        switch (design.toolchain()) {
            case PYTHON:
                // Third-party pytest plugins stay off: some write folders (.benchmarks) into the project.
                return pytestAvailable ? List.of("sh", "-c", "rm -rf .sf/test-results && exec \"$@\"", "sh", "env",
                        "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1", "PYTHONUNBUFFERED=1", python(), "-m", "pytest", "-v",
                        "--tb=short", "-p", "no:cacheprovider", "--junitxml=" + TestRunReader.PYTEST_XML,
                        "-o", "faulthandler_timeout=" + Math.max(1, timeout.toSeconds() / 2))
                        : List.of(python(), "-m", "unittest", "discover", "-v");
            case JAVA:
                return inBuildCopy(List.of("mvn", "-o", "-q", "-B", "test"));
            default:
                return inBuildCopy(List.of("npm", "test", "--silent"));
        }
    }

    private String python() {
        return design.dependencies().isEmpty() ? "python3" : VENV_PYTHON;
    }

    private static List<String> inBuildCopy(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", IN_BUILD_COPY, "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String resource(String name) {
        try (InputStream in = ProjectCommands.class.getResourceAsStream("/checks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource checks/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
