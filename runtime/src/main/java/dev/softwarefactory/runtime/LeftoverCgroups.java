package dev.softwarefactory.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the command groups a node left behind when it was killed: a dead node cannot remove its own,
 * and each stays in the kernel's tables. Group names carry their node's pid, so only the groups of
 * nodes no longer running (and with no process left in them) are removed, never a live node's.
 */
final class LeftoverCgroups {
    private static final Pattern NAME = Pattern.compile("sf-pid(\\d+)-.+");
    /** Earlier nodes named groups without their pid: an empty one made an hour ago is nobody's. */
    private static final Pattern UNOWNED = Pattern.compile("sf-\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
    private static final Duration UNOWNED_AGE = Duration.ofHours(1);
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private LeftoverCgroups() {
    }

    /** The name of a new group of this node. */
    static String newName() {
        return "sf-pid" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    }

    /** Removes the leftover groups in {@code parent}, once per parent in this JVM; returns how many. */
    static int removeOnce(Path parent) {
        return SWEPT.add(parent) ? remove(parent) : 0;
    }

    static int remove(Path parent) {
        int removed = 0;
        try (DirectoryStream<Path> groups = Files.newDirectoryStream(parent, "sf-*")) {
            for (Path group : groups) {
                String fileName = group.getFileName().toString();
                Matcher name = NAME.matcher(fileName);
                boolean left = name.matches() ? !running(name.group(1))
                        : UNOWNED.matcher(fileName).matches() && olderThan(group, UNOWNED_AGE);
                if (left && empty(group)) {
                    Files.deleteIfExists(group);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not ours to list or remove (another user's node, a read-only hierarchy): leave them
        }
        return removed;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean olderThan(Path group, Duration age) throws IOException {
        return Files.getLastModifiedTime(group).toInstant().isBefore(Instant.now().minus(age));
    }

    private static boolean empty(Path group) throws IOException {
        Path procs = group.resolve("cgroup.procs");
        return Files.exists(procs) && Files.readAllLines(procs).stream().allMatch(String::isBlank);
    }
}
