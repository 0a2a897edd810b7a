package dev.softwarefactory.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of a node and of every command it starts. A child's CPU time reaches its parent's
 * rusage only when each process between them waits for it, and bubblewrap's pid namespace breaks
 * that chain (a sandboxed Python test shows 0.00 s to {@code time}); so the node is moved into a
 * cgroup v1 {@code cpuacct} group of its own, which its commands inherit (the node moves them into
 * pids and memory groups only). Where no such group can be made, the machine's busy time less this
 * bench's own process stands in, which also counts whatever else the machine runs.
 */
abstract sealed class TreeCpu {
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    /** CPU seconds so far. */
    abstract double seconds() throws IOException;

    /** What {@link #seconds} counts, for the bench's output. */
    abstract String description();

    /** Removes what was made for the measurement; the node must have ended. */
    void close() {
    }

    static TreeCpu of(long pid) {
        try {
            return Cpuacct.around(pid);
        } catch (IOException | RuntimeException e) {
            return new MachineLessBench(e.getMessage());
        }
    }

    /** A cpuacct group holding the node from now on, and so every process it starts. */
    private static final class Cpuacct extends TreeCpu {
        private final Path group;

        private Cpuacct(Path group) {
            this.group = group;
        }

        static Cpuacct around(long pid) throws IOException {
            Path hierarchy = hierarchy();
            Path group = hierarchy.resolve("sf-bench-" + pid);
            Files.createDirectory(group);
            try {
                Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
            } catch (IOException e) {
                Files.deleteIfExists(group);
                throw e;
            }
            return new Cpuacct(group);
        }

        private static Path hierarchy() throws IOException {
            for (String name : List.of("cpuacct", "cpu,cpuacct", "cpuacct,cpu")) {
                Path candidate = CGROUP_ROOT.resolve(name);
                if (Files.exists(candidate.resolve("cpuacct.usage")) && Files.isWritable(candidate)) {
                    return candidate;
                }
            }
            throw new IOException("no writable cgroup v1 cpuacct hierarchy under " + CGROUP_ROOT);
        }

        @Override
        double seconds() throws IOException {
            return Long.parseLong(Files.readString(group.resolve("cpuacct.usage")).strip()) / 1e9;
        }

        @Override
        String description() {
            return "the node and its commands (cgroup cpuacct)";
        }

        @Override
        void close() {
            try {
                Files.deleteIfExists(group);
            } catch (IOException e) {
                // a process of the node still in it: the empty group goes with the machine
            }
        }
    }

    /** The whole machine's busy time (/proc/stat) less this bench's own. */
    private static final class MachineLessBench extends TreeCpu {
        private final String why;

        MachineLessBench(String why) {
            this.why = why;
        }

        @Override
        double seconds() throws IOException {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            // /proc/stat counts USER_HZ ticks, 100 a second on Linux.
            double machine = busy / 100.0;
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return machine - os.getProcessCpuTime() / 1e9;
        }

        @Override
        String description() {
            return "the machine less this bench (no cpuacct group: " + why + "; other work on the machine counts too)";
        }
    }
}
