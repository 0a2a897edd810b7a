package dev.softwarefactory.llmgateway.sim;

import akka.http.javadsl.model.HttpResponse;
import dev.softwarefactory.llmgateway.openai.ChatCompletionRequest;
import dev.softwarefactory.llmgateway.openai.OpenAiError;
import dev.softwarefactory.llmgateway.openai.OpenAiResponses;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Answers one chat completion request: parse, concurrency limit, simulated faults, reply choice,
 * then the latency and the response. The latency is timed by a JDK scheduled executor, whose
 * millisecond accuracy beats the actor scheduler's 10 ms ticks.
 */
final class ChatHandler {
    private final SimSettings settings;
    private final ConcurrencyGate gate;
    private final FaultDice dice;
    private final ReplyPicker picker;
    private final CompletionWriter writer;
    private final RequestLog log;

    ChatHandler(SimSettings settings, RequestLog log) {
        this.settings = settings;
        this.log = log;
        this.gate = new ConcurrencyGate(settings.maxConcurrency());
        this.dice = new FaultDice(settings);
        this.picker = new ReplyPicker(settings.script());
        this.writer = new CompletionWriter(settings.tokensPerSecond());
    }

    CompletionStage<HttpResponse> handle(String body, String callKey) {
        log.arrived();
        ChatCompletionRequest request;
        try {
            request = ChatCompletionRequest.parse(body);
        } catch (OpenAiError e) {
            return failed(e);
        }
        log.received(callKey, request.messages());
        Optional<Runnable> slot = gate.tryAcquire();
        if (slot.isEmpty()) {
            log.refusedOverConcurrency();
            return failed(new OpenAiError(429, "rate_limit_exceeded",
                    "more than " + gate.limit() + " requests in flight; retry later"));
        }
        Runnable release = slot.get();
        try {
            if (dice.rateLimited()) {
                throw new OpenAiError(429, "rate_limit_exceeded", "simulated rate limit; retry later");
            }
            if (dice.serverError()) {
                throw new OpenAiError(500, "server_error", "simulated server error");
            }
            if (dice.garbage()) {
                release.run();
                return CompletableFuture.completedFuture(OpenAiResponses.json(200, "<html>not a completion"));
            }
            boolean cut = dice.cut();
            ReplyPicker.Reply reply = picker.pick(request.messages(), callKey);
            Duration delay = Duration.ofMillis(settings.latencyMs() + reply.delayMs());
            CompletionStage<HttpResponse> response = CompletableFuture.supplyAsync(
                    () -> writer.write(request, reply.text(), cut, release),
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
            return response.whenComplete((r, failure) -> {
                if (failure != null) {
                    release.run();
                }
            });
        } catch (OpenAiError e) {
            release.run();
            return failed(e);
        }
    }

    private CompletionStage<HttpResponse> failed(OpenAiError error) {
        return CompletableFuture.completedFuture(SimResponses.error(error, settings.retryAfterSeconds()));
    }
}
