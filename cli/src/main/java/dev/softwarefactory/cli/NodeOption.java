package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --node URL: the serving node a command goes through; by default the one holding the data dir, if any. */
final class NodeOption {
    private static final Duration STARTING = Duration.ofSeconds(30);

    @Option(names = "--node", paramLabel = "URL",
            description = "A serving node's API, e.g. http://127.0.0.1:8080 (default: the node that holds --data-dir,"
                    + " if one does). Its token, if it needs one, comes from SF_API_TOKEN.")
    String url;

    /** The API to go through: --node, else the address the node holding the data dir recorded. */
    Optional<String> serving(Path dataDir) {
        if (url != null) {
            if (!url.matches("https?://[^/\\s]+/?")) {
                throw new UsageError("--node " + url + " is not a node's address: give its API's base URL, e.g."
                        + " --node http://127.0.0.1:8080");
            }
            return Optional.of(url);
        }
        return holderAddress(dataDir);
    }

    /**
     * A node that has just taken the data dir records its address once its API is bound, seconds later:
     * wait for that rather than fail on its lock.
     */
    private static Optional<String> holderAddress(Path dataDir) {
        long deadline = System.nanoTime() + STARTING.toNanos();
        while (true) {
            Optional<String> address = NodeSession.holderAddress(dataDir);
            if (address.isPresent() || System.nanoTime() > deadline || !NodeSession.held(dataDir)) {
                return address;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return address;
            }
        }
    }

    /** The client of the serving node, if there is one. */
    Optional<RemoteRuns> remote(Path dataDir) {
        return serving(dataDir).map(address -> new RemoteRuns(address, token()));
    }

    static Optional<String> token() {
        return Optional.ofNullable(System.getenv("SF_API_TOKEN")).filter(t -> !t.isBlank());
    }

    /** The runs of a data dir for reading: through its serving node if there is one, else from this process. */
    RunReader reader(DataDirOption data) {
        Optional<RemoteRuns> remote = remote(data.dataDir);
        if (remote.isPresent()) {
            return remote.get();
        }
        data.requireExisting();
        return new LocalReader(data.dataDir);
    }

    /** The command that follows (or continues) a run: through --node when it was given, else by the data dir. */
    String resumeHint(String runId, DataDirOption data) {
        return url != null ? ResumeHint.onNode(runId, url) : ResumeHint.command(runId, data.dataDir);
    }

    /** Where the runs are, as the user named it: the node's address, or the data dir. */
    String where(DataDirOption data) {
        return url != null ? url : data.dataDir.toString();
    }
}
