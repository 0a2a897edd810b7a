package dev.softwarefactory.llmgateway.sim;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** An OpenAI-compatible model server that simulates latency, pacing, limits and faults (for tests and benches). */
public final class SimLlmServer {
    private final ServerBinding binding;
    private final RequestLog log;

    private SimLlmServer(ServerBinding binding, RequestLog log) {
        this.binding = binding;
        this.log = log;
    }

    /** Binds on 127.0.0.1 and the settings' port (0: any free port). */
    public static CompletionStage<SimLlmServer> start(ActorSystem<?> system, SimSettings settings) {
        RequestLog log = new RequestLog();
        ChatHandler chat = new ChatHandler(settings, log);
        return Http.get(system).newServerAt("127.0.0.1", settings.port())
                .bind(new SimRoute(chat).route())
                .thenApply(binding -> new SimLlmServer(binding, log));
    }

    /** Every chat completion request received, faulty ones included. */
    public RequestLog requests() {
        return log;
    }

    public int port() {
        return binding.localAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8000/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Stops accepting and gives requests in flight up to two seconds to finish. */
    public CompletionStage<Done> stop() {
        return binding.terminate(Duration.ofSeconds(2)).thenApply(terminated -> Done.getInstance());
    }
}
