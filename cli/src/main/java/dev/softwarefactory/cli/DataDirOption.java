package dev.softwarefactory.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --data-dir, shared by every command that opens a node's data. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "sf-data",
            description = "Journal, snapshots and workspaces (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** For commands that read runs: a data dir that does not exist holds none. */
    void requireExisting() {
        if (!java.nio.file.Files.isDirectory(dataDir)) {
            throw new UsageError("no data dir " + dataDir + " (give the one the run used with --data-dir)");
        }
    }
}
