package dev.softwarefactory.cli.bench;

import dev.softwarefactory.runtime.NodeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBFactory;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.WriteOptions;

/** The baseline for journal writes: the same LevelDB library, written to directly with fsync. */
final class RawLevelDb {
    private RawLevelDb() {
    }

    /** Writes {@code count} records of the payload's size, each synced; returns the seconds it took. */
    static double writeSeconds(Path dir, int count, String payload) throws IOException {
        DBFactory factory = NodeConfig.nativeLevelDbLoads() ? org.fusesource.leveldbjni.JniDBFactory.factory
                : org.iq80.leveldb.impl.Iq80DBFactory.factory;
        byte[] value = payload.getBytes(StandardCharsets.UTF_8);
        WriteOptions sync = new WriteOptions().sync(true);
        try (DB db = factory.open(dir.toFile(), new Options().createIfMissing(true))) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                db.put(("key-" + i).getBytes(StandardCharsets.UTF_8), value, sync);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
