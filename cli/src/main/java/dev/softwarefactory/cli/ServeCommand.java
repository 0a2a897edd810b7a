package dev.softwarefactory.cli;

import dev.softwarefactory.node.LlmSpec;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.server.ApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keep a node up on a data dir: it serves the HTTP API (runs, live events, files, metrics),"
                + " runs any number of runs at once and resumes the unfinished ones when it starts. Ctrl-C or"
                + " SIGTERM stops it; runs in flight stay resumable.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the API listens on (default: ${DEFAULT-VALUE}); any other than loopback"
                    + " needs a token.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The API's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding the API's bearer token (default: $SF_API_TOKEN; none on loopback).")
    Path tokenFile;

    /** The model of runs that name none. */
    @Mixin
    LlmOptions llm;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be 0..65535");
        }
        Optional<String> token = token();
        ApiServer.checkExposure(host, token);
        Optional<String> spec = llm.explicitSpec();
        spec.ifPresent(s -> LlmSpec.check(s, NodeSession.userConfig()));
        ServingNode node = ServingNode.open(data.dataDir, spec, llm.apiKey(), host, port, token, cluster.asConfig());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            System.out.println("stopped; unfinished runs resume when a node serves " + data.dataDir + " again");
            System.out.flush();
        }, "stop-node"));
        System.out.println("serving " + node.apiUrl() + " (data dir " + node.session().dataDir()
                + "); API docs at " + node.apiUrl() + "/api/docs/ ; stop with Ctrl-C");
        System.out.flush();
        if (node.session().system().settings().config().getBoolean("software-factory.resume-unfinished-on-start")) {
            List<String> resumed = node.service().resumeUnfinished();
            resumed.forEach(id -> System.out.println("resumed run " + id));
            System.out.flush();
        }
        node.session().system().getWhenTerminated().toCompletableFuture().join();
        return 0;
    }

    private Optional<String> token() {
        if (tokenFile != null) {
            try {
                String token = Files.readString(tokenFile).strip();
                if (token.isEmpty()) {
                    throw new UsageError("--token-file " + tokenFile + " is empty");
                }
                return Optional.of(token);
            } catch (IOException e) {
                throw new UsageError("cannot read --token-file " + tokenFile + ": " + e.getMessage());
            }
        }
        return Optional.ofNullable(System.getenv("SF_API_TOKEN")).filter(t -> !t.isBlank());
    }
}
