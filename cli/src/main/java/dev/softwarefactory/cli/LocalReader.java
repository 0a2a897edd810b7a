package dev.softwarefactory.cli;

import dev.softwarefactory.node.Dataset;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.RunTimeline;
import dev.softwarefactory.node.SourceRun;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.runtime.RunCatalog;
import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.replay.Step;
import java.nio.file.Path;
import java.util.List;

/** Reads the runs of a data dir no node holds, with a node of this process that joins no cluster. */
final class LocalReader implements RunReader {
    private final NodeSession session;
    private final Path dataDir;

    LocalReader(Path dataDir) {
        this.dataDir = dataDir;
        this.session = NodeSession.open(dataDir, false);
    }

    @Override
    public List<RunSummary> runs() {
        return new RunCatalog(session.system()).runs();
    }

    @Override
    public RunSummary run(String runId) {
        return new RunCatalog(session.system()).find(runId).orElseThrow(() -> UserError.notFound(
                "no run " + runId + " in " + dataDir + " (list them with: runs --data-dir " + dataDir + ")"));
    }

    @Override
    public List<Step> timeline(String runId) {
        return RunTimeline.read(session, dataDir, runId).steps();
    }

    @Override
    public List<String> dataset(String runId) {
        return Dataset.lines(SourceRun.read(session, dataDir, runId));
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public void close() {
        session.close();
    }
}
