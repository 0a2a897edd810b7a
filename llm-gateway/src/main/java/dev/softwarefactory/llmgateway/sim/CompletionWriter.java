package dev.softwarefactory.llmgateway.sim;

import akka.NotUsed;
import akka.http.javadsl.model.HttpResponse;
import akka.stream.ThrottleMode;
import akka.stream.javadsl.Source;
import dev.softwarefactory.llmgateway.openai.ChatCompletionRequest;
import dev.softwarefactory.llmgateway.openai.OpenAiJson;
import dev.softwarefactory.llmgateway.openai.OpenAiResponses;
import dev.softwarefactory.llmgateway.openai.ReplyChunks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Turns a reply into a chat.completion response or a paced stream of chat.completion.chunk events. */
final class CompletionWriter {
    private final int tokensPerSecond;
    private final AtomicLong next = new AtomicLong();

    CompletionWriter(int tokensPerSecond) {
        this.tokensPerSecond = tokensPerSecond;
    }

    /** With {@code cut}, the response stops half-way and the connection is dropped, as when a server dies. */
    HttpResponse write(ChatCompletionRequest request, String reply, boolean cut, Runnable whenSent) {
        OpenAiJson.Ids ids = new OpenAiJson.Ids("chatcmpl-sim-" + next.incrementAndGet(), request.model().orElse(SimRoute.MODEL),
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
            String json = OpenAiJson.completion(ids, text, finish, OpenAiJson.Usage.of(prompt, completion));
            if (cut) {
                return SimResponses.cutJson(json.substring(0, json.length() / 2), whenSent);
            }
            whenSent.run();
            return OpenAiResponses.json(200, json);
        }
        List<String> pieces = ReplyChunks.split(text);
        Source<String, NotUsed> content = Source.from(cut ? pieces.subList(0, pieces.size() / 2) : pieces);
        if (tokensPerSecond > 0) {
            content = content.throttle(tokensPerSecond, Duration.ofSeconds(1), 1,
                    piece -> Math.max(1, Tokens.of(piece)), ThrottleMode.shaping());
        }
        Source<String, NotUsed> started = Source.single(OpenAiJson.chunk(ids, "assistant", "", null))
                .concat(content.map(piece -> OpenAiJson.chunk(ids, null, piece, null)));
        if (cut) {
            return OpenAiResponses.events(started.concat(Source.failed(new IllegalStateException("simulated cut")))
                    .watchTermination((mat, done) -> {
                        done.whenComplete((d, failure) -> whenSent.run());
                        return mat;
                    }));
        }
        Source<String, NotUsed> events = started
                .concat(Source.single(OpenAiJson.chunk(ids, null, null, finish)))
                .concat(request.includeUsage()
                        ? Source.single(OpenAiJson.usageChunk(ids, OpenAiJson.Usage.of(prompt, completion)))
                        : Source.empty())
                .concat(Source.lazySingle(() -> {
                    // A real server frees its slot when generation ends, before the last bytes reach the client.
                    whenSent.run();
                    return "[DONE]";
                }))
                .watchTermination((mat, done) -> {
                    done.whenComplete((d, failure) -> whenSent.run());
                    return mat;
                });
        return OpenAiResponses.events(events);
    }
}
