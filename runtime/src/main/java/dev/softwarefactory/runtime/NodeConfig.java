package dev.softwarefactory.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.softwarefactory.runtime.journal.PostgresJournal;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Akka configuration of a node: the journal (LevelDB under the data dir, native where the JNI
 * library loads and the pure-Java port elsewhere, or a shared PostgreSQL database), snapshots, and
 * user overrides from {@code conf/}.
 */
public final class NodeConfig {
    private NodeConfig() {
    }

    public static Config forDataDir(Path dataDir, Config overrides) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Config local = overrides
                .withValue("akka.persistence.journal.leveldb.dir",
                        ConfigValueFactory.fromAnyRef(dir.resolve("journal").toString()))
                .withValue("akka.persistence.journal.leveldb.native",
                        ConfigValueFactory.fromAnyRef(nativeLevelDbLoads()))
                .withValue("akka.persistence.snapshot-store.local.dir",
                        ConfigValueFactory.fromAnyRef(dir.resolve("snapshots").toString()));
        return postgresJournal(overrides)
                .map(journal -> local.withFallback(journal.akkaConfig()).withFallback(unresolvedDefaults()).resolve())
                .orElseGet(() -> local.withFallback(nodeDefaults()));
    }

    /**
     * The PostgreSQL journal the overrides (over the defaults) name; empty for LevelDB.
     *
     * @throws dev.softwarefactory.runtime.journal.JournalUnavailable for a bad journal setting
     */
    public static Optional<PostgresJournal> postgresJournal(Config overrides) {
        return PostgresJournal.from(overrides.withFallback(nodeDefaults()).resolve().getConfig("software-factory"),
                System.getenv());
    }

    /** Akka settings of a node (cluster provider, serialization, journal) above Akka's own defaults. */
    public static Config nodeDefaults() {
        return unresolvedDefaults().resolve();
    }

    private static Config unresolvedDefaults() {
        return ConfigFactory.parseResources("node.conf").withFallback(ConfigFactory.load());
    }

    /** True when leveldbjni's native library loads on this machine (not on e.g. ARM64). */
    public static boolean nativeLevelDbLoads() {
        try {
            org.fusesource.leveldbjni.internal.NativeDB.LIBRARY.load();
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
