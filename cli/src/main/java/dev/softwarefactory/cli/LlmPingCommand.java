package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.LlmSpec;
import com.typesafe.config.Config;
import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.gateway.BackendSettings;
import dev.softwarefactory.llmgateway.gateway.CallFailure;
import dev.softwarefactory.llmgateway.gateway.GatewaySettings;
import dev.softwarefactory.llmgateway.gateway.OpenAiHttp;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ping", mixinStandardHelpOptions = true,
        description = "Call every configured backend once (conf/application.conf, or the one --llm-base-url names)"
                + " and print a table: reachable, model, latency, error. Exit 0 when all answered, 1 otherwise.")
final class LlmPingCommand implements Callable<Integer> {
    private static final List<ChatMessage> PING = List.of(ChatMessage.user("Reply with the single word: pong"));

    @Mixin
    LlmOptions llm;

    /** One backend's answer to the ping. */
    record Row(String backend, boolean reachable, String model, long latencyMillis, String error) {
    }

    @Override
    public Integer call() {
        Config config = NodeSession.userConfig();
        String spec = llm.explicitSpec().orElse(LlmSpec.GATEWAY);
        if (spec.startsWith(LlmSpec.SCRIPTED)) {
            throw new UsageError("a scripted model has no server to ping");
        }
        LlmSpec.check(spec, config);
        GatewaySettings settings = LlmSpec.gatewayFor(spec, config, llm.apiKey());
        OpenAiHttp http = new OpenAiHttp(settings.retry().connectTimeout(), settings.retry().requestTimeout());
        List<CompletableFuture<Row>> pings = settings.backendList().stream().map(b -> ping(http, b)).toList();
        List<Row> rows = pings.stream().map(CompletableFuture::join).toList();
        print(rows);
        return rows.stream().allMatch(r -> r.error().isEmpty()) ? 0 : 1;
    }

    private static CompletableFuture<Row> ping(OpenAiHttp http, BackendSettings backend) {
        String model = backend.models().get(0);
        long start = System.nanoTime();
        return http.chat(backend, model, PING).toCompletableFuture().handle((completion, error) -> {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (error == null) {
                return new Row(backend.name(), true, model, millis, "");
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            boolean reached = cause instanceof CallFailure failure && failure.reached();
            return new Row(backend.name(), reached, model, millis, cause.getMessage());
        });
    }

    private static void print(List<Row> rows) {
        int nameWidth = Math.max(7, rows.stream().mapToInt(r -> r.backend().length()).max().orElse(0));
        int modelWidth = Math.max(5, rows.stream().mapToInt(r -> r.model().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-9s  %-" + modelWidth + "s  %10s  %s%n";
        System.out.printf(format, "BACKEND", "REACHABLE", "MODEL", "LATENCY", "ERROR");
        for (Row r : rows) {
            System.out.printf(format, r.backend(), r.reachable() ? "yes" : "no", r.model(), r.latencyMillis() + " ms",
                    r.error().isEmpty() ? "-" : r.error());
        }
    }
}
