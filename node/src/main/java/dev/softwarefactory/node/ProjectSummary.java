package dev.softwarefactory.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.softwarefactory.actions.InstalledEnvironment;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.runtime.Company;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a finished run produced, printed at its end and written to the workspace's .sf/summary.json;
 * {@code environment} is what the project's environment held when it was delivered (language,
 * version, installed packages), or null when the run delivered nothing; {@code mutation} is the last
 * test run's mutation score, null when no mutation check ran.
 */
public record ProjectSummary(String runId, String outcome, String reason, int files, long lines, long modelCalls,
        long tokens, double costUsd, double durationSeconds, String testResult, Mutation mutation,
        InstalledEnvironment environment, String workspace) {
    public static final String RUNTIME_FOLDER = ".sf";

    /** Mutants the tests killed, of those run, and the ratio. */
    public record Mutation(int killed, int mutants, double score) {
    }

    /** {@code environmentJson}: the run's Environment message, or "" when it has none. */
    public static ProjectSummary of(Company.Status status, String lastTestReport, String environmentJson,
            Path workspace) {
        List<Path> files = projectFiles(workspace);
        long lines = files.stream().mapToLong(ProjectSummary::lineCount).sum();
        String testResult = lastTestReport.isEmpty() ? "not run" : lastTestReport.lines().findFirst().orElse("");
        return new ProjectSummary(status.runId(), status.outcome().name(), status.reason(), files.size(), lines,
                status.usage().modelCalls(), status.usage().tokens(), status.usage().costUsd(),
                (status.endedAt() - status.startedAt()) / 1000.0, testResult, MutationCheck.Score.in(lastTestReport)
                        .map(m -> new Mutation(m.killed(), m.mutants(), m.ratio())).orElse(null),
                InstalledEnvironment.parse(environmentJson).orElse(null), workspace.toString());
    }

    /** Writes .sf/summary.json: runtime-owned, so replay's comparison of workspaces leaves it out. */
    public void write() {
        try {
            Path file = Path.of(workspace, RUNTIME_FOLDER, "summary.json");
            Files.createDirectories(file.getParent());
            // Through a temporary file: the node and a client following the run may both write it at its end.
            Path partial = Files.createTempFile(file.getParent(), "summary", ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(partial.toFile(), this);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run summary: " + e.getMessage(), e);
        }
    }

    private static List<Path> projectFiles(Path workspace) {
        if (!Files.isDirectory(workspace)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(workspace)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !workspace.relativize(p).startsWith(RUNTIME_FOLDER)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
