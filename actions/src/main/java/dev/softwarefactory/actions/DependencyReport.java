package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A dependency problem as QA reports it: a failed test report for the record, and the problem for
 * the owner of the dependency list. A Python project's list is the design's, so the Architect gets a
 * {@code DependencyProblem}; a Java or Node project declares its dependencies in the build file the
 * Engineer writes (pom.xml, package.json), so the Engineer gets a bug report naming it.
 */
final class DependencyReport {
    static final String DEPENDENCY_PROBLEM = "FAILED: dependency problem";
    /** The Python consistency check's exit code for imports that no pin provides. */
    static final int UNDECLARED_EXIT = 3;
    private static final int OUTPUT_TAIL = 6000;

    private DependencyReport() {
    }

    static List<Draft> installFailed(Design design, CommandExited install) {
        String owner = design.toolchain().buildFile().map(f -> "the dependencies " + f + " declares")
                .orElse("the design's pinned dependencies");
        return drafts(design, DEPENDENCY_PROBLEM + ": the install of " + owner + " failed (exit "
                + install.exitCode() + ", " + install.durationMillis() + " ms); the installer says:\n"
                + tail(install.output()));
    }

    static List<Draft> undeclared(Design design, CommandExited check) {
        String lines = check.output().lines().filter(l -> l.startsWith("undeclared dependency: "))
                .collect(Collectors.joining("\n"));
        return drafts(design, DEPENDENCY_PROBLEM + ": the code imports modules that no pinned dependency provides"
                + " (the project's environment holds only the design's pins)\n" + lines + "\n");
    }

    static List<Draft> noTestsRan(Design design, CommandExited tests) {
        return drafts(design, DEPENDENCY_PROBLEM + ": unittest ran no test: tests written for pytest need pytest"
                + " among the pinned dependencies (the project's environment holds only those)\n"
                + tail(tests.output()));
    }

    static String lastLine(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }

    /** The installer's line that says what it could not reach. */
    static String unreachableLine(String output) {
        return output.lines().filter(l -> ProjectEnvironment.UNREACHABLE.matcher(l).find()).map(String::strip)
                .reduce((first, last) -> last).orElse(lastLine(output));
    }

    private static List<Draft> drafts(Design design, String report) {
        String to = design.toolchain() == Toolchain.PYTHON ? MessageTypes.DEPENDENCY_PROBLEM : MessageTypes.BUG_REPORT;
        return List.of(Draft.of(MessageTypes.TEST_REPORT, report), Draft.of(to, report));
    }

    private static String tail(String output) {
        return output.length() <= OUTPUT_TAIL ? output
                : "[... " + (output.length() - OUTPUT_TAIL) + " characters before]\n"
                        + output.substring(output.length() - OUTPUT_TAIL);
    }
}
