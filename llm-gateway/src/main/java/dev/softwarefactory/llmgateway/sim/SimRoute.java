package dev.softwarefactory.llmgateway.sim;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;

/** The OpenAI-compatible endpoints: GET /v1/models and POST /v1/chat/completions. */
final class SimRoute extends AllDirectives {
    private final ChatHandler chat;

    SimRoute(ChatHandler chat) {
        this.chat = chat;
    }

    Route route() {
        return concat(
                path(segment("v1").slash("models"), () -> get(() ->
                        complete(SimResponses.json(200, SimJson.models())))),
                path(segment("v1").slash("chat").slash("completions"), () -> post(() ->
                        entity(Unmarshaller.entityToString(), body -> completeWithFuture(chat.handle(body))))));
    }
}
