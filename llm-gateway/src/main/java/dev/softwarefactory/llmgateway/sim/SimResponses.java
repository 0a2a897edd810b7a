package dev.softwarefactory.llmgateway.sim;

import akka.NotUsed;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.stream.javadsl.Source;
import akka.util.ByteString;

/** HTTP responses of the simulator: JSON bodies, OpenAI errors, server-sent events. */
final class SimResponses {
    private SimResponses() {
    }

    static HttpResponse json(int status, String body) {
        return HttpResponse.create().withStatus(status)
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body));
    }

    /** The error as an OpenAI error body; a 429 carries {@code Retry-After}. */
    static HttpResponse error(SimError error, int retryAfterSeconds) {
        HttpResponse response = json(error.status(), SimJson.error(error.type(), error.getMessage()));
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

    /** Each event becomes a {@code data: EVENT} line and a blank line. */
    static HttpResponse events(Source<String, NotUsed> events) {
        Source<ByteString, NotUsed> bytes = events.map(e -> ByteString.fromString("data: " + e + "\n\n"));
        return HttpResponse.create().withStatus(200)
                .addHeader(RawHeader.create("Cache-Control", "no-cache"))
                .withEntity(HttpEntities.createChunked(
                        MediaTypes.TEXT_EVENT_STREAM.toContentType(), bytes));
    }
}
