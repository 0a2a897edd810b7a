package dev.softwarefactory.cli;

import dev.softwarefactory.node.FeedEvent;
import dev.softwarefactory.node.ForkRun;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.ProjectSummary;
import dev.softwarefactory.node.RunDetail;
import dev.softwarefactory.node.StartRun;
import dev.softwarefactory.node.StartedRun;
import java.util.function.Consumer;

/** What the commands that start runs need of a node: one in this process, or a serving node's API. */
interface RunsClient extends RunReader {
    StartedRun start(StartRun order);

    StartedRun resume(String runId, ModelOptions model);

    StartedRun rerun(String runId);

    StartedRun fork(String runId, ForkRun fork);

    /** Calls back with each event of the run's feed after the one with id {@code after}, until its end event. */
    void follow(String runId, long after, Consumer<FeedEvent> events);

    /** The summary of a run that has ended. */
    ProjectSummary summary(String runId);

    /** The workspace digests of an ended rerun and of the run it reran; null when the node has none. */
    RunDetail.Digests digests(String rerunId);

    /** Where the node's API answers. */
    String apiUrl();
}
