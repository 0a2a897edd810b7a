package dev.softwarefactory.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes one node process the owner of a data dir, as LevelDB allows only one. */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or says, in one line, why the data dir cannot be used. */
    public static DataDirLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create data dir " + dir + ": " + e.getMessage()
                    + " (choose another with --data-dir)");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("data dir " + dir + " is not writable (choose another with --data-dir)");
        }
        Path file = dir.resolve("node.lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("data dir " + dir + " is in use by another node process;"
                        + " stop it or use another --data-dir");
            }
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot lock data dir " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending; the OS drops the lock anyway
        }
    }
}
