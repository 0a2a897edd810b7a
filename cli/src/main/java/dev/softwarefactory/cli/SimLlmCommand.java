package dev.softwarefactory.cli;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptFile;
import dev.softwarefactory.llmgateway.sim.SimLlmServer;
import dev.softwarefactory.llmgateway.sim.SimSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sim-llm", mixinStandardHelpOptions = true,
        description = "Serve a simulated OpenAI-compatible model on 127.0.0.1 (GET /v1/models,"
                + " POST /v1/chat/completions) with latency, pacing, a concurrency limit and injected faults."
                + " Runs until killed.")
final class SimLlmCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", required = true, description = "Port to listen on (0: any free port).")
    int port;

    @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "0",
            description = "Time to the first token in milliseconds (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--tokens-per-second", paramLabel = "N", defaultValue = "0",
            description = "Streaming pace; 0 sends the whole reply at once (default: ${DEFAULT-VALUE}).")
    int tokensPerSecond;

    @Option(names = "--max-concurrency", paramLabel = "N", defaultValue = "0",
            description = "Requests in flight beyond this get 429; 0 means no limit (default: ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Option(names = "--fail-429", paramLabel = "P", defaultValue = "0",
            description = "Probability 0..1 of a simulated 429 with Retry-After (default: ${DEFAULT-VALUE}).")
    double fail429;

    @Option(names = "--fail-500", paramLabel = "P", defaultValue = "0",
            description = "Probability 0..1 of a simulated 500 (default: ${DEFAULT-VALUE}).")
    double fail500;

    @Option(names = "--fail-garbage", paramLabel = "P", defaultValue = "0",
            description = "Probability 0..1 of a 200 reply whose body is not JSON (default: ${DEFAULT-VALUE}).")
    double failGarbage;

    @Option(names = "--fail-cut", paramLabel = "P", defaultValue = "0",
            description = "Probability 0..1 of a reply cut off mid-way, connection dropped (default: ${DEFAULT-VALUE}).")
    double failCut;

    @Option(names = "--retry-after", paramLabel = "S", defaultValue = "1",
            description = "Retry-After seconds of a 429 (default: ${DEFAULT-VALUE}).")
    int retryAfterSeconds;

    @Option(names = "--script", paramLabel = "FILE",
            description = "Scripted-model file: replies matched by the prompt header (Action: X file=Y)."
                    + " Without it the reply is \"sim reply to: \" and the start of the last user message.")
    Path script;

    @Override
    public Integer call() {
        SimSettings settings = settings();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "sim-llm",
                ConfigFactory.parseString("akka.actor.provider = local").withFallback(ConfigFactory.load()));
        SimLlmServer server;
        try {
            server = SimLlmServer.start(system, settings).toCompletableFuture().join();
        } catch (CompletionException e) {
            system.terminate();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("error: cannot listen on 127.0.0.1:" + port + ": " + cause.getMessage());
            return 1;
        }
        System.out.println("sim-llm listening on " + server.baseUrl());
        System.out.flush();
        system.getWhenTerminated().toCompletableFuture().join();
        return 0;
    }

    private SimSettings settings() {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be 0..65535");
        }
        if (latencyMs < 0) {
            throw new UsageError("--latency-ms must not be negative");
        }
        if (tokensPerSecond < 0) {
            throw new UsageError("--tokens-per-second must not be negative");
        }
        if (maxConcurrency < 0) {
            throw new UsageError("--max-concurrency must not be negative");
        }
        if (!(fail429 >= 0 && fail429 <= 1)) {
            throw new UsageError("--fail-429 must be a probability between 0 and 1");
        }
        if (!(fail500 >= 0 && fail500 <= 1)) {
            throw new UsageError("--fail-500 must be a probability between 0 and 1");
        }
        for (double p : new double[] {failGarbage, failCut}) {
            if (!(p >= 0 && p <= 1)) {
                throw new UsageError("--fail-garbage and --fail-cut must be probabilities between 0 and 1");
            }
        }
        if (retryAfterSeconds < 0) {
            throw new UsageError("--retry-after must not be negative");
        }
        SimSettings settings = SimSettings.defaults(port).withLatencyMs(latencyMs)
                .withTokensPerSecond(tokensPerSecond).withMaxConcurrency(maxConcurrency)
                .withFail429(fail429).withFail500(fail500).withFailGarbage(failGarbage).withFailCut(failCut)
                .withRetryAfterSeconds(retryAfterSeconds);
        if (script != null) {
            try {
                settings = settings.withScript(ScriptFile.read(script));
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }
        return settings;
    }
}
