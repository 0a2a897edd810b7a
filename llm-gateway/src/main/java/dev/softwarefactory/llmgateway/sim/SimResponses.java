package dev.softwarefactory.llmgateway.sim;

import akka.NotUsed;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.RawHeader;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import dev.softwarefactory.llmgateway.openai.OpenAiError;
import dev.softwarefactory.llmgateway.openai.OpenAiResponses;

/** The simulator's own responses: errors with {@code Retry-After}, bodies cut off mid-way. */
final class SimResponses {
    private SimResponses() {
    }

    /** The error as an OpenAI error body; a 429 carries {@code Retry-After}. */
    static HttpResponse error(OpenAiError error, int retryAfterSeconds) {
        HttpResponse response = OpenAiResponses.error(error);
        return error.status() == 429
                ? response.addHeader(RawHeader.create("Retry-After", Integer.toString(retryAfterSeconds)))
                : response;
    }

    /** A 200 JSON response whose body stops after {@code part} and whose connection is then dropped. */
    static HttpResponse cutJson(String part, Runnable whenSent) {
        Source<ByteString, NotUsed> bytes = Source.single(ByteString.fromString(part))
                .concat(Source.failed(new IllegalStateException("simulated cut")))
                .watchTermination((mat, done) -> {
                    done.whenComplete((d, failure) -> whenSent.run());
                    return mat;
                });
        return HttpResponse.create().withStatus(200)
                .withEntity(HttpEntities.createChunked(ContentTypes.APPLICATION_JSON, bytes));
    }
}
