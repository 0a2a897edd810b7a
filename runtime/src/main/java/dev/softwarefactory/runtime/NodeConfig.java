package dev.softwarefactory.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;

/**
 * The Akka configuration of a node: journal and snapshots under the data dir, LevelDB native where
 * the JNI library loads and the pure-Java port elsewhere, user overrides from {@code conf/}.
 */
public final class NodeConfig {
    private NodeConfig() {
    }

    public static Config forDataDir(Path dataDir, Config overrides) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return overrides
                .withValue("akka.persistence.journal.leveldb.dir",
                        ConfigValueFactory.fromAnyRef(dir.resolve("journal").toString()))
                .withValue("akka.persistence.journal.leveldb.native",
                        ConfigValueFactory.fromAnyRef(nativeLevelDbLoads()))
                .withValue("akka.persistence.snapshot-store.local.dir",
                        ConfigValueFactory.fromAnyRef(dir.resolve("snapshots").toString()))
                .withFallback(nodeDefaults());
    }

    /** Akka settings of a node (cluster provider, serialization, journal) above Akka's own defaults. */
    public static Config nodeDefaults() {
        return ConfigFactory.parseResources("node.conf").withFallback(ConfigFactory.load()).resolve();
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
