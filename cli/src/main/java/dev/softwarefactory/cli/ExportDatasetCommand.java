package dev.softwarefactory.cli;

import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export-dataset", mixinStandardHelpOptions = true,
        description = "Write every model call of runs as chat-format JSONL (prompt, answer, role, action, model,"
                + " the run's outcome, whether the answer was rejected and sent back), for fine-tuning. Calls a"
                + " rerun or fork served from another run are left out: they are exported with the run that made"
                + " them.")
final class ExportDatasetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN-ID", arity = "1..*")
    List<String> runIds;

    @Mixin
    DataDirOption data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The JSONL file to write.")
    Path out;

    @Option(names = "--only-green", description = "Only runs that SUCCEEDED.")
    boolean onlyGreen;

    @Mixin
    NodeOption node;

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new UsageError("--out " + out + " is a folder: name the file to write, e.g. --out "
                    + out.resolve("calls.jsonl"));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageError("no folder " + parent + " to write " + out + " in");
        }
        try (RunReader reader = node.reader(data)) {
            List<RunSummary> runs = new ArrayList<>();
            for (String runId : runIds) {
                runs.add(reader.run(runId));
            }
            List<String> lines = new ArrayList<>();
            int skipped = 0;
            for (RunSummary run : runs) {
                if (onlyGreen && run.outcome() != Outcome.SUCCEEDED) {
                    skipped++;
                    continue;
                }
                lines.addAll(reader.dataset(run.runId()));
            }
            write(lines);
            System.out.printf("%d model calls from %d runs written to %s%s%n", lines.size(), runs.size() - skipped,
                    out, skipped == 0 ? "" : " (" + skipped + " runs left out: not SUCCEEDED)");
            return 0;
        }
    }

    /**
     * Through a temporary file, so that a failed export leaves an earlier file as it was; the temporary
     * file (every prompt and answer) never stays behind.
     */
    private void write(List<String> lines) {
        Path partial = null;
        try {
            partial = Files.createTempFile(out.toAbsolutePath().getParent(), ".export", ".jsonl");
            Files.write(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + reason(e), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Java names the file again in most messages; the reason is what the user needs. */
    private static String reason(IOException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : text;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // nothing more can be done; the export already failed or succeeded
        }
    }
}
