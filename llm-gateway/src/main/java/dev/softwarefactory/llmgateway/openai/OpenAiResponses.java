package dev.softwarefactory.llmgateway.openai;

import akka.NotUsed;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.stream.javadsl.Source;
import akka.util.ByteString;

/** HTTP responses of an OpenAI-compatible server: JSON bodies, OpenAI errors, server-sent events. */
public final class OpenAiResponses {
    private OpenAiResponses() {
    }

    public static HttpResponse json(int status, String body) {
        return HttpResponse.create().withStatus(status)
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body));
    }

    public static HttpResponse error(OpenAiError error) {
        return json(error.status(), OpenAiJson.error(error));
    }

    /** Each event becomes a {@code data: EVENT} line and a blank line. */
    public static HttpResponse events(Source<String, NotUsed> events) {
        Source<ByteString, NotUsed> bytes = events.map(e -> ByteString.fromString("data: " + e + "\n\n"));
        return HttpResponse.create().withStatus(200)
                .addHeader(RawHeader.create("Cache-Control", "no-cache"))
                .withEntity(HttpEntities.createChunked(
                        MediaTypes.TEXT_EVENT_STREAM.toContentType(), bytes));
    }
}
