package dev.softwarefactory.cli.bench;

import dev.softwarefactory.runtime.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBFactory;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.ReadOptions;

/**
 * What verifying LevelDB's checksums on read costs: the whole journal read with and without it,
 * alternating, on the same tables. A node reads it all this way once when it opens a data dir.
 */
final class ChecksumCost {
    private static final int ROUNDS = 5;

    private ChecksumCost() {
    }

    static void print(Path journal) throws IOException {
        DBFactory factory = NodeConfig.nativeLevelDbLoads() ? org.fusesource.leveldbjni.JniDBFactory.factory
                : org.iq80.leveldb.impl.Iq80DBFactory.factory;
        // Opening once moves the log into a table, where the checksums are.
        factory.open(journal.toFile(), new Options()).close();
        long verified = Long.MAX_VALUE;
        long unverified = Long.MAX_VALUE;
        int entries = 0;
        try (DB db = factory.open(journal.toFile(), new Options())) {
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                entries = readAll(db, true);
                verified = Math.min(verified, System.nanoTime() - start);
                start = System.nanoTime();
                readAll(db, false);
                unverified = Math.min(unverified, System.nanoTime() - start);
            }
        }
        System.out.printf("reading the whole journal (%d entries, %.1f MB), best of %d:%n", entries,
                size(journal) / 1e6, ROUNDS);
        System.out.printf("  checksums verified (the node's setting): %7.1f ms%n", verified / 1e6);
        System.out.printf("  baseline, not verified:                  %7.1f ms%n", unverified / 1e6);
        System.out.printf("  ratio: %.2f%n", (double) verified / unverified);
    }

    private static int readAll(DB db, boolean verify) throws IOException {
        int count = 0;
        try (DBIterator all = db.iterator(new ReadOptions().verifyChecksums(verify).fillCache(false))) {
            for (all.seek(new byte[0]); all.hasNext(); all.next()) {
                count++;
            }
        }
        return count;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
