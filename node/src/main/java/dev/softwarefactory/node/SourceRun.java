package dev.softwarefactory.node;

import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.replay.RunJournal;
import java.nio.file.Path;

/** A recorded run read back for a rerun, fork or export: how it ended, its config and its timeline. */
public record SourceRun(String runId, RunSummary summary, RunConfig config, RunTimeline timeline) {

    public static SourceRun read(NodeSession session, Path dataDir, String runId) {
        RunTimeline timeline = RunTimeline.read(session, dataDir, runId);
        RunSummary summary = new RunCatalog(session.system()).find(runId).orElseThrow();
        RunConfig config = RunJournal.of(session.system()).config(runId).orElseThrow();
        return new SourceRun(runId, summary, config, timeline);
    }
}
