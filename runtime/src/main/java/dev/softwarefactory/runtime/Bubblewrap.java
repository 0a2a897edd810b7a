package dev.softwarefactory.runtime;

import dev.softwarefactory.runtime.action.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs commands under bubblewrap: the host file system read-only, the workspace the only writable
 * place, a private {@code /tmp}, own process and IPC namespaces, no capabilities, and no network
 * unless allowed. The folder holding the workspace (other runs' workspaces) and any folders the node
 * names (its data dir with the journal, its conf/) are hidden behind empty ones, so generated code
 * cannot read other runs or the node's settings. The node's environment is passed on (tools need PATH, proxies, CA bundles) except
 * variables whose names suggest secrets, such as model API keys; HOME and TMPDIR are the private /tmp.
 */
public final class Bubblewrap implements Sandbox {
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*",
            Pattern.CASE_INSENSITIVE);
    private static final long PROBE_SECONDS = 10;
    private static final List<Path> SYSTEM_DIRS = List.of(Path.of("/usr"), Path.of("/bin"), Path.of("/lib"),
            Path.of("/etc"), Path.of("/tmp"));
    private final String executable;
    private final List<Path> hidden;

    public Bubblewrap(String executable) {
        this(executable, List.of());
    }

    /** {@code hidden}: folders commands must not see, e.g. the node's data dir. */
    public Bubblewrap(String executable, List<Path> hidden) {
        this.executable = executable;
        this.hidden = hidden.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    @Override
    public ProcessBuilder processFor(Path workspace, List<String> command, Network network) {
        String dir = realPath(workspace);
        List<String> args = new ArrayList<>(List.of(executable,
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "--tmpfs", "/tmp", "--tmpfs", "/dev/shm"));
        for (Path folder : foldersToHide(Path.of(dir))) {
            args.addAll(List.of("--tmpfs", folder.toString()));
        }
        args.addAll(List.of("--bind", dir, dir, "--chdir", dir,
                "--unshare-pid", "--unshare-ipc", "--new-session", "--die-with-parent", "--cap-drop", "ALL"));
        if (network == Network.NONE) {
            args.add("--unshare-net");
        }
        args.add("--");
        args.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(args).directory(workspace.toFile());
        builder.environment().keySet().removeIf(name -> SECRET_NAME.matcher(name).matches());
        builder.environment().put("HOME", "/tmp");
        builder.environment().put("TMPDIR", "/tmp");
        // The workspace is a projection of recorded writes: keep interpreters' caches out of it.
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return builder;
    }

    @Override
    public String description() {
        return "bubblewrap (" + executable + "): workspace the only writable place, private /tmp, "
                + "no network unless an action allows it";
    }

    /** Empty when bubblewrap runs a command here; otherwise why it does not (missing, or not permitted). */
    public Optional<String> problem() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sf-bwrap-probe");
            Process process = processFor(dir, List.of("true"), Network.NONE).redirectErrorStream(true).start();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(executable + " did not finish within " + PROBE_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(executable + " exited with " + process.exitValue() + ": " + output);
        } catch (IOException e) {
            // Java's message repeats the program and the probe's folder; the reason is its last part.
            return Optional.of("cannot start " + executable + ": " + e.getMessage().replaceFirst(".*error=\\d+, ", ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying " + executable);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Existing folders to cover, never one holding the system (or /tmp, which is private already). */
    private List<Path> foldersToHide(Path workspace) {
        List<Path> folders = new ArrayList<>();
        for (Path folder : concat(workspace.getParent(), hidden)) {
            Path real = folder == null || !Files.isDirectory(folder) ? null : Path.of(realPath(folder));
            if (real != null && real.getParent() != null && !workspace.equals(real)
                    && SYSTEM_DIRS.stream().noneMatch(system -> system.startsWith(real))) {
                folders.add(real);
            }
        }
        return folders;
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String realPath(Path dir) {
        try {
            return dir.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("workspace folder missing: " + dir, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            dir.toFile().delete();
        }
    }
}
