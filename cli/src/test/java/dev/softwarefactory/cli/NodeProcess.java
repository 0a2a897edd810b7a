package dev.softwarefactory.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** node.jar's Main in a child JVM, with its output collected line by line as it comes. */
final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<String> both = new ArrayList<>();

    private NodeProcess(Process process) {
        this.process = process;
        follow(process.getInputStream(), out, both);
        follow(process.getErrorStream(), err, both);
    }

    static NodeProcess start(Path workDir, String... args) {
        return start(workDir, ProcessBuilder.Redirect.PIPE, args);
    }

    /** With standard input read from {@code stdin}. */
    static NodeProcess start(Path workDir, ProcessBuilder.Redirect stdin, String... args) {
        return start(workDir, stdin, Map.of(), List.of(), args);
    }

    /** With {@code env} over this JVM's environment (an empty value removes the variable). */
    static NodeProcess start(Path workDir, Map<String, String> env, String... args) {
        return start(workDir, ProcessBuilder.Redirect.PIPE, env, List.of(), args);
    }

    /** With {@code env} over this JVM's environment and {@code jvmOptions} (e.g. system properties). */
    static NodeProcess start(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args) {
        return start(workDir, ProcessBuilder.Redirect.PIPE, env, jvmOptions, args);
    }

    private static NodeProcess start(Path workDir, ProcessBuilder.Redirect stdin, Map<String, String> env,
            List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectInput(stdin);
        env.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            return new NodeProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end with these environment variables. */
    static NodeProcess run(Path workDir, Map<String, String> env, String... args) {
        NodeProcess node = start(workDir, env, args);
        node.exitCode(Duration.ofSeconds(90));
        return node;
    }

    /** Runs to the end and returns the exit code. */
    static NodeProcess run(Path workDir, String... args) {
        NodeProcess node = start(workDir, args);
        node.exitCode(Duration.ofSeconds(90));
        return node;
    }

    int exitCode(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node did not finish within " + timeout + "; output:\n" + output());
            }
            Thread.sleep(50); // let the readers drain the last lines
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits until {@code count} output lines match, then returns them. */
    List<String> awaitLines(Predicate<String> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> matching = stdout().stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (!process.isAlive() && stdout().stream().filter(match).count() < count) {
                throw new AssertionError("node ended before " + count + " matching lines:\n" + output());
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no " + count + " matching lines within " + timeout + ":\n" + output());
    }

    /** SIGINT, as Ctrl-C in a terminal sends. */
    void interrupt() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM, as a service manager stops a node; returns the exit code. Sent with kill(1): Process.destroy
     * would also close our ends of its output, losing what it prints while it stops.
     */
    int stop(Duration timeout) {
        try {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode(timeout);
    }

    /** SIGKILL: the JVM gets no chance to flush or shut down. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Standard output and error together, in the order the lines came. */
    List<String> lines() {
        synchronized (both) {
            return List.copyOf(both);
        }
    }

    List<String> stdout() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> stderr() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    String output() {
        return String.join("\n", stdout()) + "\n--- stderr ---\n" + String.join("\n", stderr());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void follow(java.io.InputStream stream, List<String> lines, List<String> both) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    add(lines, line);
                    add(both, line);
                }
            } catch (IOException e) {
                add(lines, "[output closed: " + e.getMessage() + "]");
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static void add(List<String> lines, String line) {
        synchronized (lines) {
            lines.add(line);
        }
    }
}
