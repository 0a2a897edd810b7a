package dev.softwarefactory.cli.bench;

import dev.softwarefactory.actions.Dependency;
import dev.softwarefactory.actions.EnvironmentStep;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.actions.PythonEnvironment;
import dev.softwarefactory.actions.Wheelhouse;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.LlmReply;
import dev.softwarefactory.llmgateway.LlmRequest;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.node.CompanyNode;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.roles.DemoScenario;
import dev.softwarefactory.roles.SoftwareCompany;
import dev.softwarefactory.runtime.CommandRunner;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Measure what a project's environment adds to a run: the venv, the install of a pinned package"
                + " from a local wheelhouse, and the demo run with that package beside the demo run without any, in"
                + " the same node, alternating.")
public final class EnvBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each kind (default: ${DEFAULT-VALUE}).")
    int runs;

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private final Map<String, ScriptedModel> scripts = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "need --runs >= 1");
        }
        Path dataDir = Files.createTempDirectory("sf-bench-env");
        // In the working folder: sandboxed commands see /tmp as an empty folder of their own.
        try (Wheelhouse wheels = new Wheelhouse(Path.of(".")).add("wordsplit", "1.0.0", "wordsplit",
                DemoScenario.WORDSPLIT); NodeSession session = NodeSession.open(dataDir, true)) {
            PackageSources sources = PackageSources.wheelhouse(wheels.folder().toString());
            steps(session, sources, dataDir.resolve("steps"));
            runs(session, sources);
        } finally {
            BenchCommand.deleteTree(dataDir);
        }
        return 0;
    }

    /** The environment's commands alone, as RunTests runs them, each on a new workspace. */
    private void steps(NodeSession session, PackageSources sources, Path folder) {
        CommandRunner runner = CommandRunner.fromConfig(session.system().settings().config()
                .getConfig("software-factory"), List.of());
        List<Double> bare = new ArrayList<>();
        List<Double> venv = new ArrayList<>();
        List<Double> install = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            bare.add(seconds(runner, folder.resolve("bare-" + i), new PythonEnvironment(List.of(), sources)).get(0));
            List<Double> pinned = seconds(runner, folder.resolve("pinned-" + i), new PythonEnvironment(
                    List.of(new Dependency("wordsplit", "1.0.0")), sources));
            venv.add(pinned.get(0));
            install.add(pinned.get(1));
        }
        System.out.printf("environment step, median of %d:%n", runs);
        System.out.printf("  venv of a project without pins:               %7.3f s%n", median(bare));
        System.out.printf("  venv of a project with one pin:               %7.3f s%n", median(venv));
        System.out.printf("  pip install of the pin from a local wheelhouse: %7.3f s%n", median(install));
    }

    private static List<Double> seconds(CommandRunner runner, Path workspace, PythonEnvironment environment) {
        List<Double> seconds = new ArrayList<>();
        for (EnvironmentStep step : environment.steps()) {
            CommandExited result = runner.run(workspace, step.command(), TIMEOUT, step.network());
            if (result.exitCode() != 0) {
                throw new IllegalStateException(step.key() + " failed: " + result.output());
            }
            seconds.add(result.durationMillis() / 1000.0);
        }
        return seconds;
    }

    /** The demo run without dependencies and with one from the wheelhouse, alternating, on one node. */
    private void runs(NodeSession session, PackageSources sources) {
        SoftwareCompany sop = new SoftwareCompany(Duration.ofMinutes(2), sources);
        CompanyNode node = new CompanyNode(session, new ScriptPerRun(), sop);
        List<Double> baseline = new ArrayList<>();
        List<Double> pinned = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                baseline.add(run(node, sop, "bare-" + i, DemoScenario.entries()));
                pinned.add(run(node, sop, "pinned-" + i, DemoScenario.withWordsplit("1.0.0")));
            }
        } finally {
            node.close();
        }
        double added = median(pinned) - median(baseline);
        System.out.printf("whole demo run (scripted model without delays), median of %d:%n", runs);
        System.out.printf("  baseline, no dependencies:              %7.3f s%n", median(baseline));
        System.out.printf("  one pinned package from the wheelhouse: %7.3f s%n", median(pinned));
        System.out.printf("  added by the environment: %.3f s (%+.0f%%)%n", added, 100 * added / median(baseline));
    }

    private double run(CompanyNode node, SoftwareCompany sop, String runId, List<ScriptEntry> script) {
        scripts.put(runId, new ScriptedModel(script.stream().map(e -> new ScriptEntry(e.action(), e.target(),
                e.reply(), 0)).toList(), runId));
        List<String> roles = sop.roles().stream().map(RoleDefinition::name).toList();
        node.start(runId, new RunConfig(DemoScenario.REQUIREMENT, "bench", roles, 30, 0));
        Company.Status end = node.follow(runId);
        if (end.outcome() != Outcome.SUCCEEDED) {
            throw new IllegalStateException("bench run " + runId + " " + end.outcome() + ": " + end.reason());
        }
        return (end.endedAt() - end.startedAt()) / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Each bench run answered by its own script. */
    private final class ScriptPerRun implements LlmClient {
        @Override
        public CompletionStage<LlmReply> complete(LlmRequest request) {
            ScriptedModel script = scripts.get(request.runId());
            return script == null ? CompletableFuture.failedFuture(new IllegalStateException("no script for "
                    + request.runId())) : script.complete(request);
        }

        @Override
        public String describe() {
            return "the demo scenario's scripts";
        }
    }
}
