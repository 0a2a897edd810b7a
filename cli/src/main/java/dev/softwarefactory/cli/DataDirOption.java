package dev.softwarefactory.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** --data-dir, shared by every command that opens a node's data. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "sf-data", converter = NonEmptyPath.class,
            description = "Journal, snapshots and workspaces (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** An empty --data-dir would make the current folder a data dir. */
    static final class NonEmptyPath implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException("it is empty: name a folder, e.g. --data-dir sf-data");
            }
            return Path.of(value);
        }
    }

    /** For commands that read runs: a data dir that does not exist holds none. */
    void requireExisting() {
        if (!java.nio.file.Files.isDirectory(dataDir)) {
            throw new UsageError("no data dir " + dataDir + " (give the one the run used with --data-dir)");
        }
    }
}
