package dev.softwarefactory.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The calculator example of examples/, with a model latency, and how to read a run back. */
final class Scenario {
    private Scenario() {
    }

    /** Writes the example script with every answer delayed by {@code delayMs}; returns its path. */
    static Path calculator(Path dir, long delayMs) {
        try {
            String script = Files.readString(Path.of("..", "examples", "calculator.json"));
            Path file = dir.resolve("calculator-" + delayMs + ".json");
            Files.writeString(file, script.replace("\"reply\":", "\"delayMs\": " + delayMs + ", \"reply\":"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calculator run on one node (no latency): the project a cluster's run of it must equal. */
    static Path singleNodeWorkspace(Path dir, String requirement) {
        Path single = dir.resolve("single");
        NodeProcess run = NodeProcess.run(dir, "run", "--data-dir", single.toString(), "--llm",
                "scripted:" + calculator(dir, 0), requirement);
        if (run.exitCode(java.time.Duration.ofSeconds(5)) != 0) {
            throw new AssertionError("the single-node run failed: " + run.output());
        }
        return single.resolve("workspace").resolve(runId(run));
    }

    static String runId(NodeProcess node) {
        String first = node.awaitLines(l -> l.startsWith("run "), 1, java.time.Duration.ofSeconds(60)).get(0);
        return first.split(" ")[1];
    }

    /** Every file of a workspace outside the runtime's .sf/ folder, relative path to content. */
    static Map<String, String> files(Path workspace) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(workspace)) {
            for (Path path : paths.filter(Files::isRegularFile)
                    .filter(p -> !workspace.relativize(p).startsWith(".sf")).toList()) {
                files.put(workspace.relativize(path).toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** An effect line of the progress output: "[Role]   key  (summary)". */
    static boolean isEffect(String line) {
        return line.matches("\\[\\w+\\] {3}\\S+ {2}\\(.*\\)");
    }

    static String effectKey(String line) {
        return line.trim().split("\\s+")[1];
    }

    /** "[Role] key" of an effect line: keys are unique within a role's action, not across roles. */
    static String roleAndKey(String line) {
        String[] parts = line.trim().split("\\s+");
        return parts[0] + " " + parts[1];
    }

    private static final Pattern RECORDED = Pattern.compile(
            "\"role\":\"(\\w+)\",\"event\":\"EffectRecorded\",\"invocation\":(\\d+),.*\"key\":\"([^\"]+)\"");

    /** Every effect the run's journal holds, as "Role invocation key", read with {@code replay --json}. */
    static List<String> recordedEffects(Path dir, String dataDir, String runId) {
        NodeProcess replay = NodeProcess.run(dir, "replay", runId, "--data-dir", dataDir, "--type", "EffectRecorded",
                "--json");
        List<String> effects = new ArrayList<>();
        for (String line : replay.stdout()) {
            Matcher m = RECORDED.matcher(line);
            if (m.find()) {
                effects.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
        }
        return effects;
    }

    /** The model calls a run's closing summary line counts. */
    static long modelCalls(NodeProcess node) {
        String summary = node.stdout().stream().filter(l -> l.startsWith("files ")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line:\n" + node.output()));
        Matcher m = Pattern.compile("model calls (\\d+),").matcher(summary);
        if (!m.find()) {
            throw new AssertionError("no model calls in " + summary);
        }
        return Long.parseLong(m.group(1));
    }

    /** The model calls {@code runs} lists for a run. */
    static long modelCallsListed(Path dir, String dataDir, String runId) {
        NodeProcess runs = NodeProcess.run(dir, "runs", "--data-dir", dataDir);
        String row = runs.stdout().stream().filter(l -> l.startsWith(runId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + runId + ":\n" + runs.output()));
        return Long.parseLong(row.trim().split("\\s+")[5]);
    }
}
