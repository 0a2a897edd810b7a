package dev.softwarefactory.runtime;

import com.typesafe.config.Config;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a command in a folder, inside a sandbox, with a time limit and limits on memory, processes
 * and file size, keeping at most {@code maxOutputBytes} of output: its head and its tail. A limit
 * the command reached is said at the end of its output, so the action that ran it (and its bug
 * report) says so. At most as many commands run at once as it has {@link CommandSlots}; a command's
 * time (and its time limit) starts when it gets one.
 */
public final class CommandRunner {
    private final int maxOutputBytes;
    private final Sandbox sandbox;
    private final SandboxLimits limits;
    private final CommandSlots slots;

    /** A runner without limits on memory, processes or file size, with automatic slots. */
    public CommandRunner(int maxOutputBytes, Sandbox sandbox) {
        this(maxOutputBytes, sandbox, SandboxLimits.NONE, CommandSlots.of(0));
    }

    /** A runner with automatic slots. */
    public CommandRunner(int maxOutputBytes, Sandbox sandbox, SandboxLimits limits) {
        this(maxOutputBytes, sandbox, limits, CommandSlots.of(0));
    }

    public CommandRunner(int maxOutputBytes, Sandbox sandbox, SandboxLimits limits, CommandSlots slots) {
        this.maxOutputBytes = maxOutputBytes;
        this.sandbox = sandbox;
        this.limits = limits;
        this.slots = slots;
    }

    /**
     * The runner {@code software-factory} configures; chooses (and may probe) the sandbox once.
     * {@code hidden}: folders sandboxed commands must not see, such as the node's data dir.
     */
    public static CommandRunner fromConfig(Config softwareFactory, List<Path> hidden) {
        return new CommandRunner(softwareFactory.getInt("exec-max-output-bytes"),
                Sandbox.fromConfig(softwareFactory.getConfig("sandbox"), hidden),
                SandboxLimits.fromConfig(softwareFactory.getConfig("sandbox.limits")),
                CommandSlots.of(softwareFactory.getInt("sandbox.max-concurrent-commands")));
    }

    public CommandSlots slots() {
        return slots;
    }

    /** A command of no run: it waits for a slot before every run's. */
    public CommandExited run(Path dir, List<String> command, Duration timeout, Network network) {
        return run("", dir, command, timeout, network);
    }

    /** A command of {@code runId}, which waits for a slot behind the commands of older runs. */
    public CommandExited run(String runId, Path dir, List<String> command, Duration timeout, Network network) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        try {
            slots.acquire(runId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while waiting to run " + command));
        }
        try {
            return runInSlot(dir, command, timeout, network);
        } finally {
            slots.release();
        }
    }

    private CommandExited runInSlot(Path dir, List<String> command, Duration timeout, Network network) {
        long start = System.nanoTime();
        Optional<CommandCgroup> group = CommandCgroup.create(limits);
        try {
            dir.toFile().mkdirs();
            ProcessBuilder builder = sandbox.processFor(dir, limits.underPrlimit(command, group.isPresent()), network);
            group.ifPresent(g -> builder.command(g.around(builder.command())));
            Process process = builder.redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            HeadTailOutput collector = new HeadTailOutput(process.getInputStream(), maxOutputBytes);
            Thread reader = new Thread(collector, "exec-output");
            reader.setDaemon(true);
            reader.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            reader.join(1000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int exit = finished ? process.exitValue() : -1;
            String text = collector.text();
            List<String> hit = new ArrayList<>(group.map(CommandCgroup::limitsHit).orElse(List.of()));
            hit.addAll(limits.reached(exit, text, group.isPresent()));
            String output = hit.isEmpty() ? text : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n")
                    + hit.stream().map(line -> "[sandbox: the command reached " + line + "]\n")
                    .collect(Collectors.joining());
            return new CommandExited(command, exit, output, !finished, millis);
        } catch (IOException e) {
            return new CommandExited(command, 127, "cannot start " + command.get(0) + ": " + e.getMessage(), false,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running " + command));
        } finally {
            group.ifPresent(CommandCgroup::close);
        }
    }
}
