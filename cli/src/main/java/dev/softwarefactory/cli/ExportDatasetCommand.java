package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.SourceRun;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import dev.softwarefactory.runtime.replay.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** How DurableActionContext labels a one-message prompt's only message. */
    private static final String USER_LABEL = "user: ";

    @Parameters(paramLabel = "RUN-ID", arity = "1..*")
    List<String> runIds;

    @Mixin
    DataDirOption data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The JSONL file to write.")
    Path out;

    @Option(names = "--only-green", description = "Only runs that SUCCEEDED.")
    boolean onlyGreen;

    @Override
    public Integer call() {
        data.requireExisting();
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageError("no folder " + parent + " to write " + out + " in");
        }
        try (NodeSession session = NodeSession.open(data.dataDir, false)) {
            List<SourceRun> runs = new ArrayList<>();
            for (String runId : runIds) {
                runs.add(SourceRun.read(session, data.dataDir, runId));
            }
            List<String> lines = new ArrayList<>();
            int skipped = 0;
            for (SourceRun run : runs) {
                if (onlyGreen && run.summary().outcome() != Outcome.SUCCEEDED) {
                    skipped++;
                    continue;
                }
                Verdicts verdicts = new Verdicts(run.timeline().steps());
                for (Step step : run.timeline().steps()) {
                    if (step.event() instanceof RoleActor.EffectRecorded e && e.result() instanceof LlmAnswered llm) {
                        Map<String, Object> record = record(run, step, llm);
                        record.put("answer_rejected", verdicts.rejected(step.role(), e.invocation(), e.key()));
                        lines.add(TimelinePrinter.write(record));
                    }
                }
            }
            write(lines);
            System.out.printf("%d model calls from %d runs written to %s%s%n", lines.size(), runs.size() - skipped,
                    out, skipped == 0 ? "" : " (" + skipped + " runs left out: not SUCCEEDED)");
            return 0;
        }
    }

    private static Map<String, Object> record(SourceRun run, Step step, LlmAnswered llm) {
        String prompt = llm.prompt().startsWith(USER_LABEL) ? llm.prompt().substring(USER_LABEL.length())
                : llm.prompt();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messages", List.of(Map.of("role", "user", "content", prompt),
                Map.of("role", "assistant", "content", llm.text())));
        record.put("role", step.role());
        record.put("action", llm.action());
        record.put("target", llm.target());
        record.put("model", llm.model());
        record.put("backend", llm.backend());
        record.put("run_id", run.runId());
        record.put("run_outcome", run.summary().outcome().name());
        return record;
    }

    /** Through a temporary file, so that a failed export leaves an earlier file as it was. */
    private void write(List<String> lines) {
        try {
            Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), ".export", ".jsonl");
            Files.write(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
