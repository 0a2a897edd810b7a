package dev.softwarefactory.llmgateway.sim;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import dev.softwarefactory.llmgateway.openai.OpenAiJson;
import dev.softwarefactory.llmgateway.openai.OpenAiResponses;
import java.util.List;

/** The OpenAI-compatible endpoints: GET /v1/models and POST /v1/chat/completions. */
final class SimRoute extends AllDirectives {
    static final String MODEL = "sim";
    private final ChatHandler chat;

    SimRoute(ChatHandler chat) {
        this.chat = chat;
    }

    Route route() {
        return concat(
                path(segment("v1").slash("models"), () -> get(() ->
                        complete(OpenAiResponses.json(200, OpenAiJson.models(List.of(MODEL), "software-factory"))))),
                path(segment("v1").slash("chat").slash("completions"), () -> post(() ->
                        entity(Unmarshaller.entityToString(), body -> completeWithFuture(chat.handle(body))))));
    }
}
