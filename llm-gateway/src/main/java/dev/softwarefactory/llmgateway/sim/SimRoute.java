package dev.softwarefactory.llmgateway.sim;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import dev.softwarefactory.llmgateway.openai.OpenAiJson;
import dev.softwarefactory.llmgateway.openai.OpenAiResponses;
import dev.softwarefactory.llmgateway.gateway.OpenAiHttp;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The OpenAI-compatible endpoints: GET /v1/models and POST /v1/chat/completions. */
final class SimRoute extends AllDirectives {
    static final String MODEL = "sim";
    private final ChatHandler chat;

    SimRoute(ChatHandler chat) {
        this.chat = chat;
    }

    private static String decode(String header) {
        return URLDecoder.decode(header, StandardCharsets.UTF_8);
    }

    Route route() {
        return concat(
                path(segment("v1").slash("models"), () -> get(() ->
                        complete(OpenAiResponses.json(200, OpenAiJson.models(List.of(MODEL), "software-factory"))))),
                path(segment("v1").slash("chat").slash("completions"), () -> post(() ->
                        optionalHeaderValueByName(OpenAiHttp.CALL_HEADER, call -> entity(Unmarshaller.entityToString(),
                                body -> completeWithFuture(chat.handle(body, call.map(SimRoute::decode).orElse(""))))))));
    }
}
