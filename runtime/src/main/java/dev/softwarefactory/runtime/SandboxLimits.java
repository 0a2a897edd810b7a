package dev.softwarefactory.runtime;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;

/**
 * What one command an action runs may use, from {@code software-factory.sandbox.limits}: memory,
 * processes and the size of any file it writes; 0 means no limit. Memory and file size are also
 * per-process resource limits (prlimit), so they hold where no control group can be made.
 */
public record SandboxLimits(long memoryBytes, int processes, long fileSizeBytes) {
    public static final SandboxLimits NONE = new SandboxLimits(0, 0, 0);
    /** Exit status of a process killed by SIGXFSZ, the signal of a write beyond the file size limit. */
    static final int FILE_SIZE_EXIT = 128 + 25;

    public SandboxLimits {
        if (memoryBytes < 0 || processes < 0 || fileSizeBytes < 0) {
            throw new IllegalArgumentException("software-factory.sandbox.limits must not be negative");
        }
    }

    public static SandboxLimits fromConfig(Config limits) {
        return new SandboxLimits(limits.getBytes("memory"), limits.getInt("processes"), limits.getBytes("file-size"));
    }

    boolean any() {
        return memoryBytes > 0 || processes > 0 || fileSizeBytes > 0;
    }

    /**
     * The command under {@code prlimit}: its file size and, unless a control group bounds its memory
     * already (and reports reaching it), its data segment (heap and private writable mappings).
     */
    List<String> underPrlimit(List<String> command, boolean memoryInCgroup) {
        boolean memory = memoryBytes > 0 && !memoryInCgroup;
        if (!memory && fileSizeBytes == 0) {
            return command;
        }
        List<String> limited = new ArrayList<>(List.of("prlimit"));
        if (memory) {
            limited.add("--data=" + memoryBytes);
        }
        if (fileSizeBytes > 0) {
            limited.add("--fsize=" + fileSizeBytes);
        }
        limited.add("--");
        limited.addAll(command);
        return limited;
    }

    /**
     * The per-process limits a command reached, told by how it ended: killed by SIGXFSZ, or the
     * system's own words for a refused write or allocation (a program may catch the error and go on).
     */
    List<String> reached(int exitCode, String output, boolean memoryInCgroup) {
        List<String> hit = new ArrayList<>();
        if (fileSizeBytes > 0 && (exitCode == FILE_SIZE_EXIT || output.contains("File too large"))) {
            hit.add("the file size limit of " + fileSizeBytes + " bytes (software-factory.sandbox.limits.file-size)");
        }
        if (memoryBytes > 0 && !memoryInCgroup && exitCode != 0
                && (output.contains("MemoryError") || output.contains("Cannot allocate memory"))) {
            hit.add("the memory limit of " + memoryBytes + " bytes (software-factory.sandbox.limits.memory)");
        }
        return hit;
    }
}
