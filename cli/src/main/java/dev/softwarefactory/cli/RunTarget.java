package dev.softwarefactory.cli;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Where a command that starts or follows a run works: the node that serves its data dir (or the one
 * --node names), or else a node it starts in this process on the data dir, which serves the API on a
 * free loopback port while the command runs.
 */
final class RunTarget {
    private final DataDirOption data;
    private final NodeOption node;
    private final Optional<RemoteRuns> remote;

    private RunTarget(DataDirOption data, NodeOption node, Optional<RemoteRuns> remote) {
        this.data = data;
        this.node = node;
        this.remote = remote;
    }

    static RunTarget of(DataDirOption data, NodeOption node) {
        return new RunTarget(data, node, node.remote(data.dataDir));
    }

    /** True when the run goes on a serving node, not in this process. */
    boolean serving() {
        return remote.isPresent();
    }

    /** What the command says first, while it reaches or starts the node. */
    String opening() {
        return remote.map(r -> "using the node at " + r.apiUrl() + " ...")
                .orElseGet(() -> "starting a node on " + data.dataDir.toAbsolutePath().normalize() + " ...");
    }

    /**
     * The serving node's client, or a node of this process on the data dir whose runs use
     * {@code defaultSpec} unless they name a model, with {@code apiKey} for OpenAI-compatible servers.
     */
    RunsClient open(Optional<String> defaultSpec, Optional<String> apiKey) {
        if (remote.isPresent()) {
            return remote.get();
        }
        return ServingNode.forOneRun(data.dataDir, defaultSpec, apiKey);
    }

    /** Ctrl-C while following: a run of this process stops, a serving node's run goes on without us. */
    StopOnInterrupt onInterrupt(String runId, String nodeUrl, PrintStream out) {
        return remote.isPresent() ? StopOnInterrupt.detach(runId, nodeUrl, resumeHint(runId), out)
                : StopOnInterrupt.arm(runId, data.dataDir, out);
    }

    String resumeHint(String runId) {
        return node.resumeHint(runId, data);
    }
}
