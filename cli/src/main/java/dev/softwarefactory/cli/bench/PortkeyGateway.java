package dev.softwarefactory.cli.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway a user might pick instead: {@code @portkey-ai/gateway} from the npm registry, run with
 * npx on a free loopback port and pointed at an OpenAI-compatible server by request headers.
 */
final class PortkeyGateway implements AutoCloseable {
    static final String PACKAGE = "@portkey-ai/gateway";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private final Process process;
    private final int port;

    private PortkeyGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it, or says why not (no npx, package not installable, never listened). */
    static PortkeyGateway start(Path log) throws IOException, InterruptedException {
        if (!onPath("npx")) {
            throw new IOException("npx is not on the PATH (install Node.js)");
        }
        int port = freePort();
        Process process = new ProcessBuilder("npx", "--yes", PACKAGE, "--port=" + port, "--headless")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening(port)) {
            if (!process.isAlive()) {
                throw new IOException("npx " + PACKAGE + " exited with " + process.exitValue() + ": "
                        + lastLine(log));
            }
            if (System.nanoTime() > deadline) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new IOException(PACKAGE + " did not listen within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
        return new PortkeyGateway(process, port);
    }

    String chatUrl() {
        return "http://127.0.0.1:" + port + "/v1/chat/completions";
    }

    /** The headers that send a request on to an OpenAI-compatible server at {@code baseUrl}. */
    static Map<String, String> headersFor(String baseUrl) {
        return Map.of("x-portkey-provider", "openai", "x-portkey-custom-host", baseUrl,
                "Authorization", "Bearer unused");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static boolean onPath(String program) {
        return Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> java.util.Arrays.stream(path.split(java.io.File.pathSeparator)))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLine(Path log) throws IOException {
        return Files.readAllLines(log).stream().reduce((a, b) -> b).orElse("(no output)");
    }
}
