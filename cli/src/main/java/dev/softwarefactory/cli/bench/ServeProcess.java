package dev.softwarefactory.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node started with {@code serve} in a process of its own, so that its CPU time and heap are the
 * node's alone and not the bench client's.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private final Process process;
    private final String url;

    private ServeProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code java [jvmOptions] -jar node.jar serve --port 0 [args]} and waits for its address. */
    static ServeProcess start(Path dataDir, List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", thisJar(), "serve", "--data-dir", dataDir.toString(), "--port", "0"));
        command.addAll(serveArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, url), "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServeProcess(process, url.get(3, TimeUnit.MINUTES));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the node did not start serving; its output is in " + log, e);
        }
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** The node's CPU time so far (user and system), in seconds; its children (sandboxed commands) not included. */
    double cpuSeconds() throws IOException {
        Optional<java.time.Duration> cpu = process.toHandle().info().totalCpuDuration();
        if (cpu.isPresent()) {
            return cpu.get().toNanos() / 1e9;
        }
        throw new IOException("this platform does not report a process's CPU time");
    }

    /** The node's heap in use after a full collection, in bytes, read with jcmd. */
    long heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info printed no 'used NK'");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process call = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                Long.toString(process.pid()), what).redirectErrorStream(true).start();
        String output = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (call.waitFor() != 0) {
            throw new IOException("jcmd " + what + " failed: " + output.strip());
        }
        return output;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the node gets no chance to stop cleanly, as at a power loss. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the node stops cleanly, as after Ctrl-C. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<String> url) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    url.complete(serving.group(1));
                }
            }
            url.completeExceptionally(new IOException("the node exited"));
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String thisJar() throws IOException {
        try {
            Path jar = Path.of(ServeProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IOException("bench runs starts the node from node.jar; run it with java -jar node.jar");
            }
            return jar.toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
