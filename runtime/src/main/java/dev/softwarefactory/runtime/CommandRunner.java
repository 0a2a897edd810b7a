package dev.softwarefactory.runtime;

import com.typesafe.config.Config;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a folder, inside a sandbox, with a time limit, keeping at most
 * {@code maxOutputBytes} of output: its head and its tail.
 */
public final class CommandRunner {
    private final int maxOutputBytes;
    private final Sandbox sandbox;

    public CommandRunner(int maxOutputBytes, Sandbox sandbox) {
        this.maxOutputBytes = maxOutputBytes;
        this.sandbox = sandbox;
    }

    /** The runner {@code software-factory} configures; chooses (and may probe) the sandbox once. */
    /** {@code hidden}: folders sandboxed commands must not see, such as the node's data dir. */
    public static CommandRunner fromConfig(Config softwareFactory, List<Path> hidden) {
        return new CommandRunner(softwareFactory.getInt("exec-max-output-bytes"),
                Sandbox.fromConfig(softwareFactory.getConfig("sandbox"), hidden));
    }

    public CommandExited run(Path dir, List<String> command, Duration timeout, Network network) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        long start = System.nanoTime();
        try {
            dir.toFile().mkdirs();
            Process process = sandbox.processFor(dir, command, network).redirectErrorStream(true)
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
            return new CommandExited(command, finished ? process.exitValue() : -1, collector.text(), !finished, millis);
        } catch (IOException e) {
            return new CommandExited(command, 127, "cannot start " + command.get(0) + ": " + e.getMessage(), false,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running " + command));
        }
    }
}
