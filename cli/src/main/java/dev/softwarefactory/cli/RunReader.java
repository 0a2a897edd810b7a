package dev.softwarefactory.cli;

import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.replay.Step;
import java.util.List;

/** What the reading commands need of a data dir's runs, from a node in this process or a serving node's API. */
interface RunReader extends AutoCloseable {
    /** Every run, oldest first. */
    List<RunSummary> runs();

    /** One run; an unknown run is a user error. */
    RunSummary run(String runId);

    /** A run's whole timeline, with each step's journaled event. */
    List<Step> timeline(String runId);

    /** A run's model calls as JSONL lines. */
    List<String> dataset(String runId);

    /** True when the runs are read through a serving node, whose runs marked RUNNING are going. */
    boolean live();

    @Override
    void close();
}
