package dev.softwarefactory.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The same chat completion load sent to sim-llm directly, through the node's OpenAI-compatible
 * endpoint, and through {@code @portkey-ai/gateway}, all in front of the same sim-llm, one after another.
 */
final class EndpointComparison {
    private static final String PROMPT = "Write a haiku about a queue of requests";
    private final int requests;
    private final int clients;

    EndpointComparison(int requests, int clients) {
        this.requests = requests;
        this.clients = clients;
    }

    void run(String simBaseUrl, String nodeUrl, Path workDir, PrintStream out) throws Exception {
        HttpLoad.Result direct = load(simBaseUrl + "/chat/completions", "sim", Map.of());
        HttpLoad.Result node = load(nodeUrl + "/v1/chat/completions", "default", Map.of());
        out.printf("OpenAI-compatible endpoint, %d requests from %d concurrent clients, same sim-llm behind each:%n",
                requests, clients);
        print(out, "sim-llm direct (baseline)", direct, direct);
        print(out, "node /v1 (gateway)", node, direct);
        try (PortkeyGateway portkey = PortkeyGateway.start(workDir.resolve("portkey.log"))) {
            HttpLoad.Result other = load(portkey.chatUrl(), "sim", PortkeyGateway.headersFor(simBaseUrl));
            print(out, PortkeyGateway.PACKAGE, other, direct);
        } catch (java.io.IOException e) {
            out.printf("  %-28s skipped: %s%n", PortkeyGateway.PACKAGE, e.getMessage());
        }
    }

    private HttpLoad.Result load(String url, String model, Map<String, String> headers) {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        HttpLoad.post(url, headers, body, Math.max(clients, requests / 10), clients);
        return HttpLoad.post(url, headers, body, requests, clients);
    }

    private static void print(PrintStream out, String name, HttpLoad.Result result, HttpLoad.Result direct) {
        out.printf("  %-28s %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  added p50 %+6.1f ms  p99 %+6.1f ms%s%n", name,
                result.perSecond(), result.ms(50), result.ms(99), result.ms(50) - direct.ms(50),
                result.ms(99) - direct.ms(99), result.failures() == 0 ? ""
                        : "  (" + result.failures() + " failed, first: " + result.firstFailure() + ")");
    }
}
