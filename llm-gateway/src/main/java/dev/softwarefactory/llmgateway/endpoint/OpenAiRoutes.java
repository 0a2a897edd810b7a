package dev.softwarefactory.llmgateway.endpoint;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.MalformedRequestContentRejection;
import akka.http.javadsl.server.MethodRejection;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import akka.http.scaladsl.model.EntityStreamSizeException;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.gateway.Gateway;
import dev.softwarefactory.llmgateway.gateway.GatewaySettings;
import dev.softwarefactory.llmgateway.openai.OpenAiError;
import dev.softwarefactory.llmgateway.openai.OpenAiJson;
import dev.softwarefactory.llmgateway.openai.OpenAiResponses;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The node's gateway as an OpenAI-compatible endpoint: {@code GET /v1/models} lists the aliases,
 * {@code POST /v1/chat/completions} answers plain or streamed. Any OpenAI client shares the
 * node's backends, limits, retries and cost accounting this way. Errors are OpenAI error bodies.
 */
public final class OpenAiRoutes extends AllDirectives {
    static final String OWNER = "software-factory";
    private static final String TIMEOUT_KEY = GatewaySettings.PATH + ".endpoint.request-timeout";
    private final List<String> models;
    private final ChatCompletions chat;
    private final Duration requestTimeout;
    private final scala.concurrent.duration.FiniteDuration scalaTimeout;

    public OpenAiRoutes(LlmClient client, List<String> models, Duration requestTimeout) {
        this.models = List.copyOf(models);
        this.chat = new ChatCompletions(client, models);
        this.requestTimeout = requestTimeout;
        this.scalaTimeout = scala.concurrent.duration.Duration.create(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The gateway's aliases as models, with the request timeout of {@code software-factory.llm.endpoint}. */
    public static OpenAiRoutes of(ActorSystem<?> system, Gateway gateway) {
        return new OpenAiRoutes(gateway, gateway.aliases(), system.settings().config().getDuration(TIMEOUT_KEY));
    }

    public Route route() {
        return pathPrefix("v1", () -> handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> concat(
                path("models", () -> get(() -> complete(OpenAiResponses.json(200, OpenAiJson.models(models, OWNER))))),
                path(segment("models").slash(segment()), id -> get(() -> complete(model(id)))),
                path(segment("chat").slash("completions"), () -> post(() ->
                        withRequestTimeout(scalaTimeout, request -> timedOut(), () ->
                                entity(Unmarshaller.entityToString(), body ->
                                        completeWithFuture(chat.handle(body))))))))));
    }

    private HttpResponse model(String id) {
        if (!models.contains(id)) {
            return OpenAiResponses.error(EndpointErrors.unknownModel(id, models));
        }
        return OpenAiResponses.json(200, OpenAiJson.model(id, OWNER));
    }

    private HttpResponse timedOut() {
        return OpenAiResponses.error(new OpenAiError(504, "server_error", "timeout", Optional.empty(),
                "no answer within " + requestTimeout.toSeconds() + " s (" + TIMEOUT_KEY + ")"));
    }

    private RejectionHandler rejections() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, rejected -> complete(OpenAiResponses.error(new OpenAiError(405,
                        "invalid_request_error", "method_not_allowed", Optional.empty(), "this path takes "
                        + String.join(" or ", rejected.stream().map(r -> r.supported().name()).toList())))))
                .handle(MalformedRequestContentRejection.class, rejected -> complete(OpenAiResponses.error(
                        tooLarge(rejected.getCause()).orElse(OpenAiError.badRequest(rejected.message())))))
                .build();
    }

    private ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder()
                .match(EntityStreamSizeException.class, e -> complete(OpenAiResponses.error(tooLarge(e).get())))
                .matchAny(e -> complete(OpenAiResponses.error(EndpointErrors.of(e))))
                .build();
    }

    private static Optional<OpenAiError> tooLarge(Throwable cause) {
        return cause instanceof EntityStreamSizeException size
                ? Optional.of(new OpenAiError(413, "invalid_request_error", "request_too_large", Optional.empty(),
                        "the request body is larger than " + size.limit() + " bytes"))
                : Optional.empty();
    }
}
