package dev.softwarefactory.actions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that check and test a project of the design's language, in its environment (see
 * {@link ProjectEnvironment}). They leave the workspace as it was: they run on a copy under the
 * runtime's {@code .sf/} folder, which replay ignores, so nothing a build or a test writes is delivered.
 */
public final class ProjectCommands {
    /** The venv's interpreter as seen from the test copy. */
    static final String COPY_PYTHON = "../venv/bin/python";
    private static final String IN_BUILD_COPY = "rm -rf .sf/build && mkdir -p .sf/build"
            + " && tar -cf - --exclude=./.sf . | tar -xf - -C .sf/build"
            + " && { [ ! -d " + NpmEnvironment.MODULES + " ] || ln -s ../npm/node_modules .sf/build/node_modules; }"
            + " && cd .sf/build && exec \"$@\"";
    private final Design design;
    private final PackageSources sources;

    public ProjectCommands(Design design) {
        this(design, PackageSources.installerDefaults());
    }

    public ProjectCommands(Design design, PackageSources sources) {
        this.design = design;
        this.sources = sources;
    }

    /** Python: byte-compile and import every module; Java: compile; Node: syntax-check every file. */
    public List<String> consistencyCheck() {
        switch (design.toolchain()) {
            case PYTHON:
                List<String> python = new ArrayList<>(python());
                python.addAll(List.of("-c", ScriptResources.text("checks/python-consistency.py"), "--sources"));
                design.files().stream().filter(design.toolchain()::isCode).forEach(python::add);
                python.add("--tests");
                design.testFiles().stream().filter(design.toolchain()::isCode).forEach(python::add);
                return inBuildCopy(python);
            case JAVA:
                return inBuildCopy(maven("test-compile"));
            default:
                List<String> node = new ArrayList<>(List.of("sh", "-c", "for f in \"$@\"; do node --check \"$f\""
                        + " || exit 1; done", "sh"));
                design.allFiles().stream().filter(design.toolchain()::isCode).forEach(node::add);
                return node;
        }
    }

    /** Asks whether pytest can be imported in the project's venv; only Python projects ask. */
    public List<String> pytestProbe() {
        return List.of(PythonEnvironment.PYTHON, "-c", "import pytest");
    }

    /**
     * Python: pytest when the venv has it, else unittest; Java: mvn -o test; Node: npm test. pytest writes
     * JUnit XML under .sf/, names each test as it starts ({@code -v}, unbuffered) and dumps the stack
     * of a test still running at half the time limit, so a timeout can say which test hung. JUnit
     * Jupiter fails a test still running at half the time limit, in a thread of its own so that a busy
     * loop is stopped too: Surefire's report then names it, with its stack, before the limit is reached.
     */
    public List<String> tests(boolean pytestAvailable, Duration timeout) {
        switch (design.toolchain()) {
            case PYTHON:
                // Third-party pytest plugins stay off: some write folders (.benchmarks) into the project.
                List<String> python = new ArrayList<>(List.of("sh", "-c", "rm -rf ../test-results && exec \"$@\"",
                        "sh"));
                python.addAll(python());
                python.addAll(pytestAvailable ? List.of("-m", "pytest", "-v", "--tb=short", "-p", "no:cacheprovider",
                        "--junitxml=../" + TestRunReader.PYTEST_XML.substring(".sf/".length()),
                        "-o", "faulthandler_timeout=" + halfSeconds(timeout))
                        : List.of("-m", "unittest", "discover", "-v"));
                return inBuildCopy(python);
            case JAVA:
                // Surefire hands Maven's -D properties to the test JVM, where JUnit reads them as settings.
                return inBuildCopy(maven("-Djunit.jupiter.execution.timeout.default=" + halfSeconds(timeout) + "s",
                        "-Djunit.jupiter.execution.timeout.thread.mode.default=SEPARATE_THREAD", "test"));
            default:
                return inBuildCopy(List.of("npm", "test", "--silent"));
        }
    }

    /** When a test still running counts as hung: half the time limit, so that the run ends saying so. */
    private static long halfSeconds(Duration timeout) {
        return Math.max(1, timeout.toSeconds() / 2);
    }

    /** The venv's interpreter, with nothing of the host's Python settings that would add its packages. */
    static List<String> python() {
        return List.of("env", "-u", "PYTHONPATH", "-u", "PYTHONHOME", "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1",
                "PYTHONUNBUFFERED=1", COPY_PYTHON);
    }

    /** mvn with {@code arguments}, offline, on the project's own repository, as run in the build copy. */
    List<String> maven(String... arguments) {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B"));
        command.addAll(mavenEnvironment().offlineOptions());
        command.addAll(List.of(arguments));
        return command;
    }

    MavenEnvironment mavenEnvironment() {
        return new MavenEnvironment(sources);
    }

    /**
     * Runs a command in the copy under .sf/build that the last build command compiled, when it holds the
     * project's files as they are (a Maven build's {@code target/} aside), else in a fresh copy: a check
     * after the tests need not copy and compile again.
     */
    static List<String> inLastBuildCopy(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "if [ -d .sf/build/target ]"
                + " && diff -rq -x .sf -x target . .sf/build > /dev/null 2>&1; then cd .sf/build && exec \"$@\"; fi; "
                + IN_BUILD_COPY, "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a command in a fresh copy of the project under .sf/build, as every Python and build command runs. */
    static List<String> inBuildCopy(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", IN_BUILD_COPY, "sh"));
        wrapped.addAll(command);
        return wrapped;
    }
}
