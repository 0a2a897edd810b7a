package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutation check of a Maven project, by PIT: its plugin is first resolved into the project's own
 * repository (the one networked step, from the configured mirror), then PIT runs offline in the build
 * copy that the tests compiled on the classes the design promised, at most {@code maxMutants} mutants shared among them, and its
 * mutations.xml is read back ({@link PitReport}).
 */
final class PitMutation {
    static final String RESOLVE_KEY = "mutation-tool";
    private static final String REPORT_MARKER = "mutations.xml:\n";

    /** What PIT found: its score and the survivors, named. */
    record Found(MutationCheck.Score score, List<String> survivors) {
    }

    private PitMutation() {
    }

    /** The check's verdict, or empty when PIT does not apply or gave no report (it could not be resolved or run). */
    static Optional<Found> run(ActionContext context, Map<String, String> code, Design design, ProjectCommands commands,
            int maxMutants, Duration timeout) {
        Map<String, String> classes = promisedClasses(design);
        Optional<String> pom = Optional.ofNullable(code.get("pom.xml")).flatMap(PitPom::withPit);
        if (classes.isEmpty() || pom.isEmpty()) {
            return Optional.empty();
        }
        CommandExited resolved = context.exec(RESOLVE_KEY, commands.mavenEnvironment().resolve(pom.get(),
                PitPom.RESOLVE_GOALS), timeout, Network.ALLOWED);
        if (resolved.exitCode() != 0 || resolved.timedOut()) {
            return Optional.empty();
        }
        CommandExited exited = context.exec(MutationCheck.KEY, command(pom.get(), classes, design, commands, maxMutants),
                timeout);
        if (exited.exitCode() != 0 || exited.timedOut()) {
            return Optional.empty();
        }
        return report(exited.output()).filter(r -> r.score().mutants() > 0)
                .map(r -> new Found(r.score(), r.survivors(classes, code)));
    }

    static List<String> command(String pom, Map<String, String> classes, Design design, ProjectCommands commands,
            int maxMutants) {
        int perClass = Math.max(1, maxMutants / classes.size());
        List<String> tests = design.testFiles().stream().filter(design.toolchain()::isCode)
                .map(JavaInterfaceProbe::className).toList();
        List<String> pit = new ArrayList<>(List.of("sh", "-c", ScriptResources.text("checks/java-mutation.sh"), "sh",
                pom));
        pit.addAll(commands.maven("test-compile", PitPom.GOAL, "-DtargetClasses=" + String.join(",", classes.keySet()),
                "-DtargetTests=" + String.join(",", tests), "-DoutputFormats=XML", "-DtimestampedReports=false",
                "-Dthreads=1", "-Dfeatures=+CLASSLIMIT(limit[" + perClass + "])", "-DfailWhenNoMutations=false"));
        return ProjectCommands.inLastBuildCopy(pit);
    }

    /** The report the command printed after its marker line. */
    static Optional<PitReport> report(String output) {
        int marker = output.indexOf(REPORT_MARKER);
        return marker < 0 ? Optional.empty() : PitReport.parse(output.substring(marker + REPORT_MARKER.length()));
    }

    /** The promised classes by qualified name, with their design paths. */
    private static Map<String, String> promisedClasses(Design design) {
        Map<String, String> classes = new LinkedHashMap<>();
        InterfaceCheck.promised(design).keySet().stream().filter(f -> !f.contains("src/test/"))
                .forEach(file -> classes.put(JavaInterfaceProbe.className(file), file));
        return classes;
    }
}
