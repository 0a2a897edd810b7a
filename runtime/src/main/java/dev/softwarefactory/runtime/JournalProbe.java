package dev.softwarefactory.runtime;

import com.typesafe.config.Config;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.iq80.leveldb.CompressionType;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBFactory;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.ReadOptions;

/**
 * Opens a node's LevelDB journal and reads all of it, checksums verified, before its actor system
 * starts. Akka's journal actor that fails to open or read it stops, logs its stack traces, and every
 * read waits for its timeout; read here, a truncated table or a garbage manifest is one line naming
 * the data dir. Reading every block costs a sequential read of the journal (see the README).
 */
public final class JournalProbe {
    private static final String LEVELDB = "akka.persistence.journal.leveldb";

    private JournalProbe() {
    }

    /** Does nothing for journals other than the embedded LevelDB one (they report their own errors). */
    public static void check(Config node, Path dataDir) {
        if (!LEVELDB.equals(node.getString("akka.persistence.journal.plugin"))) {
            return;
        }
        Config leveldb = node.getConfig(LEVELDB);
        boolean nativeLib = leveldb.getBoolean("native");
        DBFactory factory = nativeLib ? org.fusesource.leveldbjni.JniDBFactory.factory
                : org.iq80.leveldb.impl.Iq80DBFactory.factory;
        // The options Akka's LevelDB store opens the journal with.
        Options options = new Options().createIfMissing(true);
        if (!nativeLib) {
            options.compressionType(CompressionType.NONE);
        }
        File dir = new File(leveldb.getString("dir"));
        try (DB db = factory.open(dir, options); DBIterator all = db.iterator(new ReadOptions()
                .verifyChecksums(true).fillCache(false))) {
            for (all.seek(new byte[0]); all.hasNext(); all.next()) {
                // reading every block is what finds a truncated or damaged table
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableJournal("cannot open the journal of data dir " + dataDir.toAbsolutePath().normalize()
                    + " (" + firstLine(e) + "): restore the data dir from a backup, or move it aside and use"
                    + " another --data-dir");
        }
    }

    private static String firstLine(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }
}
