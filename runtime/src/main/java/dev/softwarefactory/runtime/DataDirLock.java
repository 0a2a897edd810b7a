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

    /**
     * Writes the API address of the node that holds the lock into the lock file, so that commands on
     * the same data dir can go through that node instead of failing on the lock.
     */
    public void record(String apiAddress) {
        try {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(apiAddress.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the node's address to the lock file", e);
        }
    }

    /** The API address recorded by the node holding a data dir, if it is held and the node recorded one. */
    public static java.util.Optional<String> holderAddress(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("node.lock");
        if (!Files.isRegularFile(file) || !held(file)) {
            return java.util.Optional.empty();
        }
        try {
            String address = Files.readString(file).strip();
            return address.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(address);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether a node process holds the data dir now. */
    public static boolean isHeld(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("node.lock");
        return Files.isRegularFile(file) && held(file);
    }

    /** Whether another process holds the lock now: a lock we can take for a moment is not held. */
    private static boolean held(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending; the OS drops the lock anyway
        }
    }
}
