package dev.softwarefactory.cli.bench;

import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptFile;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.roles.DemoScenario;
import dev.softwarefactory.roles.SoftwareCompany;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.replay.RunJournal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "mutation", mixinStandardHelpOptions = true,
        description = "Measure the mutation check: the demo run (or a scripted scenario's) with it (the configured"
                + " budget of mutants) beside the same run without it, alternately, and the mutation score it reports.")
public final class MutationBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repeat", defaultValue = "3", description = "Runs of each kind (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--max-mutants", defaultValue = "-1",
            description = "Mutants per check (default: software-factory.mutation.max-mutants).")
    int maxMutants;

    @Option(names = "--script", paramLabel = "FILE",
            description = "A scripted model's scenario to run instead of the demo, e.g. a Maven or JavaScript project's.")
    Path script;

    @Option(names = "--maven-mirror", paramLabel = "URL",
            description = "The repository Maven projects install from, e.g. file:///root/.m2/repository"
                    + " (default: software-factory.maven.mirror-url).")
    String mavenMirror;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "need --repeat >= 1");
        }
        List<ScriptEntry> entries;
        try {
            entries = script == null ? DemoScenario.entries() : ScriptFile.read(script);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Measured> without = new ArrayList<>();
        List<Measured> with = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            without.add(demo(entries, false));
            with.add(demo(entries, true));
        }
        System.out.printf("%s (scripted model, real commands), %d runs each, alternately:%n", script == null
                ? "the demo run, with its 250 ms answers," : "the run of " + script.getFileName(), repeat);
        double withSeconds = median(with.stream().map(Measured::runSeconds).toList());
        double withoutSeconds = median(without.stream().map(Measured::runSeconds).toList());
        double checkSeconds = median(with.stream().map(Measured::checkSeconds).toList());
        double toolSeconds = median(with.stream().map(Measured::toolSeconds).toList());
        System.out.printf("  with the mutation check:     median %6.2f s (%s)%n", withSeconds, with.get(0).report());
        System.out.printf("  baseline, without it:       median %6.2f s%n", withoutSeconds);
        System.out.printf("  the check's commands:        median %6.2f s, %.0f%% of the run without it%s%n",
                checkSeconds, 100 * checkSeconds / withoutSeconds, toolSeconds == 0 ? ""
                        : String.format(" (resolving PIT: median %.2f s)", toolSeconds));
        System.out.printf("  difference of the medians:   %+6.2f s (%+.0f%%)%n", withSeconds - withoutSeconds,
                100 * (withSeconds - withoutSeconds) / withoutSeconds);
        return 0;
    }

    private Measured demo(List<ScriptEntry> entries, boolean mutation) throws Exception {
        Path dataDir = Files.createTempDirectory("sf-bench-mutation");
        try (NodeSession session = NodeSession.open(dataDir, true)) {
            var config = session.system().settings().config().getConfig("software-factory");
            MutationCheck.Settings configured = MutationCheck.Settings.fromConfig(config.getConfig("mutation"));
            MutationCheck.Settings settings = !mutation ? MutationCheck.Settings.off()
                    : new MutationCheck.Settings(true, maxMutants >= 0 ? maxMutants : configured.maxMutants(),
                            configured.minScore(), configured.seed(), configured.maxRevisions());
            PackageSources sources = PackageSources.fromConfig(config);
            SoftwareCompany sop = new SoftwareCompany(config.getDuration("test-timeout"),
                    mavenMirror == null ? sources : sources.withMavenMirror(mavenMirror), settings);
            CompanyNode node = new CompanyNode(session, new ScriptedModel(entries, "bench"), sop);
            try {
                String runId = mutation ? "with" : "without";
                String requirement = script == null ? DemoScenario.REQUIREMENT : "the scenario of " + script.getFileName();
                node.start(runId, new RunConfig(requirement, "demo",
                        sop.roles().stream().map(RoleDefinition::name).toList(), 20, 0));
                Company.Status end = node.follow(runId);
                if (end.outcome() != Outcome.SUCCEEDED) {
                    throw new IllegalStateException("the demo " + runId + " the mutation check " + end.outcome() + ": "
                            + end.reason());
                }
                String report = node.lastTestReport(runId).lines().findFirst().orElse("");
                return new Measured((end.endedAt() - end.startedAt()) / 1000.0,
                        seconds(session, runId, "exec:mutation") + seconds(session, runId, "exec:mutation-tool"),
                        seconds(session, runId, "exec:mutation-tool"), report);
            } finally {
                node.close();
            }
        } finally {
            BenchCommand.deleteTree(dataDir);
        }
    }

    /** The time of the commands under {@code key} the run recorded. */
    private static double seconds(NodeSession session, String runId, String key) {
        return RunJournal.of(session.system()).timeline(runId).stream()
                .filter(s -> key.equals(s.effectKey()) && s.event() instanceof RoleActor.EffectRecorded)
                .mapToLong(s -> ((CommandExited) ((RoleActor.EffectRecorded) s.event()).result()).durationMillis())
                .sum() / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /** {@code checkSeconds}: the mutation check's commands; {@code toolSeconds}: of those, PIT's resolution. */
    private record Measured(double runSeconds, double checkSeconds, double toolSeconds, String report) {
    }
}
