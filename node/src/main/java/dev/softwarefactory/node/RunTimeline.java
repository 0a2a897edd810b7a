package dev.softwarefactory.node;

import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import java.nio.file.Path;
import java.util.List;

/** A run's timeline as the journal holds it; an unknown run or step is a usage error. */
public record RunTimeline(String runId, List<Step> steps) {

    public static RunTimeline read(NodeSession session, Path dataDir, String runId) {
        List<Step> steps = RunJournal.of(session.system()).timeline(runId);
        if (steps.isEmpty()) {
            throw unknown(runId, dataDir);
        }
        return new RunTimeline(runId, steps);
    }

    static UserError unknown(String runId, Path dataDir) {
        return UserError.notFound("no run " + runId + " in " + dataDir + " (list them with: runs --data-dir " + dataDir
                + ")");
    }

    public Step step(long number) {
        if (number < 1 || number > steps.size()) {
            throw UserError.notFound("run " + runId + " has no step " + number + " (its steps are 1.." + steps.size()
                    + ")");
        }
        return steps.get((int) number - 1);
    }
}
