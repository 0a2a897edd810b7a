package dev.softwarefactory.llmgateway.sim;

import akka.NotUsed;
import akka.http.javadsl.model.HttpResponse;
import akka.stream.ThrottleMode;
import akka.stream.javadsl.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Turns a reply into a chat.completion response or a paced stream of chat.completion.chunk events. */
final class CompletionWriter {
    private final int tokensPerSecond;
    private final AtomicLong next = new AtomicLong();

    CompletionWriter(int tokensPerSecond) {
        this.tokensPerSecond = tokensPerSecond;
    }

    HttpResponse write(ChatCompletionRequest request, String reply, Runnable whenSent) {
        SimJson.Ids ids = new SimJson.Ids("chatcmpl-sim-" + next.incrementAndGet(), request.model(),
                Instant.now().getEpochSecond());
        String text = reply;
        String finish = "stop";
        if (request.maxTokens().isPresent() && Tokens.of(reply) > request.maxTokens().getAsInt()) {
            text = reply.substring(0, request.maxTokens().getAsInt() * 4);
            finish = "length";
        }
        int prompt = Tokens.of(request.messages());
        int completion = Tokens.of(text);
        if (!request.stream()) {
            whenSent.run();
            return SimResponses.json(200, SimJson.completion(ids, text, finish, prompt, completion));
        }
        Source<String, NotUsed> content = Source.from(ReplyChunks.split(text));
        if (tokensPerSecond > 0) {
            content = content.throttle(tokensPerSecond, Duration.ofSeconds(1), 1,
                    piece -> Math.max(1, Tokens.of(piece)), ThrottleMode.shaping());
        }
        Source<String, NotUsed> events = Source.single(SimJson.chunk(ids, "assistant", "", null))
                .concat(content.map(piece -> SimJson.chunk(ids, null, piece, null)))
                .concat(Source.single(SimJson.chunk(ids, null, null, finish)))
                .concat(request.includeUsage()
                        ? Source.single(SimJson.usageChunk(ids, prompt, completion))
                        : Source.empty())
                .concat(Source.single("[DONE]"))
                .watchTermination((mat, done) -> {
                    done.whenComplete((d, failure) -> whenSent.run());
                    return mat;
                });
        return SimResponses.events(events);
    }
}
