package dev.softwarefactory.actions;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The clean environment a project's checks, tests and programs run in, made under the runtime's
 * {@code .sf/} folder before anything runs: a venv without the host's packages for Python, a Maven
 * repository of the project's own for Java, the project's own {@code node_modules} for Node. What
 * passes in it passes on a clean machine.
 */
public sealed interface ProjectEnvironment permits PythonEnvironment, MavenEnvironment, NpmEnvironment {

    static ProjectEnvironment of(Design design, PackageSources sources) {
        switch (design.toolchain()) {
            case PYTHON:
                return new PythonEnvironment(design.dependencies(), sources);
            case JAVA:
                return new MavenEnvironment(sources);
            default:
                return new NpmEnvironment(sources);
        }
    }

    /** The commands that make the environment and install the dependencies into it, in order. */
    List<EnvironmentStep> steps();

    /**
     * Prints the environment as one JSON object: {@code language}, {@code version} and
     * {@code packages} (name to installed version).
     */
    List<String> describe();

    /** True when an install failed because its package source could not be reached, not for its dependencies. */
    default boolean unreachable(String installOutput) {
        return UNREACHABLE.matcher(installOutput).find();
    }

    /** What installers print when they cannot reach an index, repository or registry. */
    Pattern UNREACHABLE = Pattern.compile("NewConnectionError|Failed to establish a new connection"
            + "|Temporary failure in name resolution|Name or service not known|Network is unreachable"
            + "|ConnectTimeoutError|ProxyError|Connection refused|Could not fetch URL|UnknownHostException"
            + "|Could not transfer artifact|ECONNREFUSED|ENOTFOUND|ENETUNREACH|EAI_AGAIN|ETIMEDOUT"
            + "|is ignored: it is either a non-existing path");
}
