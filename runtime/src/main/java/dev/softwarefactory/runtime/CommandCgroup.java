package dev.softwarefactory.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A control group around one command's whole process tree, bounding its processes (pids) and its
 * memory (the OOM killer ends it at the limit). Made under the node's own control groups, version 1
 * (a pids and a memory hierarchy) or 2 (one, with both controllers), where the node may write them;
 * {@link #create} is empty elsewhere, and only the per-process limits of {@link SandboxLimits} hold.
 */
final class CommandCgroup implements AutoCloseable {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private final List<Path> dirs;
    private final boolean unified;
    private final SandboxLimits limits;

    private CommandCgroup(List<Path> dirs, boolean unified, SandboxLimits limits) {
        this.dirs = dirs;
        this.unified = unified;
        this.limits = limits;
    }

    /** A new group with the limits, or empty when this node cannot make one. */
    static Optional<CommandCgroup> create(SandboxLimits limits) {
        if (limits.processes() == 0 && limits.memoryBytes() == 0) {
            return Optional.empty();
        }
        String name = LeftoverCgroups.newName();
        Optional<CommandCgroup> v1 = make(List.of(own("pids").resolve(name), own("memory").resolve(name)), false,
                limits);
        return v1.isPresent() ? v1 : make(List.of(own("").resolve(name)), true, limits);
    }

    private static Optional<CommandCgroup> make(List<Path> dirs, boolean unified, SandboxLimits limits) {
        List<Path> made = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir.getParent()) || !Files.isWritable(dir.getParent())) {
                    throw new IOException("not writable: " + dir.getParent());
                }
                LeftoverCgroups.removeOnce(dir.getParent());
                Files.createDirectory(dir);
                made.add(dir);
                if (!Files.exists(dir.resolve("cgroup.procs"))) {
                    throw new IOException("not a control group: " + dir);
                }
            }
            CommandCgroup group = new CommandCgroup(made, unified, limits);
            group.limit();
            return Optional.of(group);
        } catch (IOException | RuntimeException e) {
            made.forEach(CommandCgroup::removeQuietly);
            return Optional.empty();
        }
    }

    private void limit() throws IOException {
        Path pids = dirs.get(0);
        Path memory = dirs.get(dirs.size() - 1);
        if (limits.processes() > 0) {
            Files.writeString(pids.resolve("pids.max"), Integer.toString(limits.processes()));
        }
        if (limits.memoryBytes() > 0) {
            Files.writeString(memory.resolve(unified ? "memory.max" : "memory.limit_in_bytes"),
                    Long.toString(limits.memoryBytes()));
        }
    }

    /** The command, run by a shell that first moves itself into the group, so every descendant is in it. */
    List<String> around(List<String> command) {
        StringBuilder script = new StringBuilder();
        for (Path dir : dirs) {
            script.append("echo $$ > '").append(dir.resolve("cgroup.procs")).append("' || exit 125; ");
        }
        script.append("exec \"$@\"");
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", script.toString(), "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Which of the group's limits the command reached, one line each. */
    List<String> limitsHit() {
        List<String> hit = new ArrayList<>();
        long refusedForks = counter(dirs.get(0).resolve("pids.events"), "max");
        if (refusedForks > 0) {
            hit.add("the limit of " + limits.processes() + " processes (software-factory.sandbox.limits.processes): "
                    + refusedForks + " forks refused");
        }
        Path memory = dirs.get(dirs.size() - 1);
        long oomKills = counter(memory.resolve(unified ? "memory.events" : "memory.oom_control"), "oom_kill");
        if (oomKills > 0) {
            hit.add("the memory limit of " + limits.memoryBytes() + " bytes (software-factory.sandbox.limits.memory): "
                    + oomKills + " killed by the kernel");
        }
        return hit;
    }

    /** Kills what is left in the group (a command's leftovers when it ran without a sandbox) and removes it. */
    @Override
    public void close() {
        for (Path dir : dirs) {
            for (int attempt = 0; attempt < 20 && Files.isDirectory(dir); attempt++) {
                members(dir).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                removeQuietly(dir);
                if (Files.isDirectory(dir)) {
                    pause();
                }
            }
        }
    }

    /** The node's own group in a hierarchy (e.g. "pids"; "" for version 2), or the hierarchy's root. */
    static Path own(String controller) {
        Path hierarchy = controller.isEmpty() ? ROOT : ROOT.resolve(controller);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                boolean matches = controller.isEmpty() ? parts[0].equals("0")
                        : List.of(parts[1].split(",")).contains(controller);
                if (parts.length == 3 && matches) {
                    Path own = hierarchy.resolve(parts[2].substring(1));
                    return Files.isDirectory(own) ? own : hierarchy;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc/self/cgroup: try the hierarchy's root
        }
        return hierarchy;
    }

    private static long counter(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(name)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an older kernel without this counter: nothing to report
        }
        return 0;
    }

    private static List<Long> members(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("cgroup.procs")).stream().filter(l -> !l.isBlank())
                    .map(Long::parseLong).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void removeQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // still has processes: the caller tries again
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
