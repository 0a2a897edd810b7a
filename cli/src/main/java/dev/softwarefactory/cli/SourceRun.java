package dev.softwarefactory.cli;

import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import java.nio.file.Path;
import java.util.List;

/** A recorded run read back for replay, rerun, fork or export; an unknown id is a usage error. */
record SourceRun(String runId, RunSummary summary, RunConfig config, List<Step> timeline) {

    static SourceRun read(NodeSession session, Path dataDir, String runId) {
        RunSummary summary = new RunCatalog(session.system()).find(runId).orElseThrow(() -> new UsageError(
                "no run " + runId + " in " + dataDir + " (list them with: runs --data-dir " + dataDir + ")"));
        RunJournal journal = RunJournal.of(session.system());
        RunConfig config = journal.config(runId).orElseThrow();
        return new SourceRun(runId, summary, config, journal.timeline(runId));
    }

    Step step(long number) {
        if (number < 1 || number > timeline.size()) {
            throw new UsageError("run " + runId + " has no step " + number + " (its steps are 1.." + timeline.size()
                    + ")");
        }
        return timeline.get((int) number - 1);
    }
}
