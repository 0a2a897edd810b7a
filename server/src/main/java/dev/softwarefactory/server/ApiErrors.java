package dev.softwarefactory.server;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.MalformedQueryParamRejection;
import akka.http.javadsl.server.MalformedRequestContentRejection;
import akka.http.javadsl.server.MethodRejection;
import akka.http.javadsl.server.MissingQueryParamRejection;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.javadsl.server.RequestEntityExpectedRejection;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.UnsupportedRequestContentTypeRejection;
import akka.http.scaladsl.model.EntityStreamSizeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.runtime.DamagedRun;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a request as one JSON error with its status: refusals of the node (400, 404, 409; a run
 * whose journal lost events is 409 "damaged"),
 * bad bodies (400, 413, 415), unknown routes (404), wrong methods (405); anything else is logged and
 * answered 500 without its stack trace.
 */
public final class ApiErrors extends AllDirectives {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private final ApiJson json;

    public ApiErrors(ApiJson json) {
        this.json = json;
    }

    public HttpResponse response(StatusCode status, String code, String message) {
        return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON,
                json.write(ApiError.of(code, message)));
    }

    /** Wraps routes so that nothing but a JSON error leaves them when they fail or reject. */
    public Route handle(Route routes) {
        return handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> routes));
    }

    private ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder().matchAny(thrown -> complete(failure(unwrap(thrown)))).build();
    }

    HttpResponse failure(Throwable e) {
        if (e instanceof UserError user) {
            return switch (user.kind()) {
                case NOT_FOUND -> response(StatusCodes.NOT_FOUND, "not_found", user.getMessage());
                case CONFLICT -> response(StatusCodes.CONFLICT, "conflict", user.getMessage());
                case BAD_INPUT -> response(StatusCodes.BAD_REQUEST, "bad_request", user.getMessage());
            };
        }
        if (e instanceof DamagedRun) {
            return response(StatusCodes.CONFLICT, "damaged", e.getMessage());
        }
        if (e instanceof EntityStreamSizeException) {
            return tooLarge();
        }
        LOG.error("request failed", e);
        return response(StatusCodes.INTERNAL_SERVER_ERROR, "internal",
                "the node could not answer: " + e.getClass().getSimpleName() + " (see the node's log)");
    }

    private RejectionHandler rejections() {
        return RejectionHandler.newBuilder()
                .handle(MalformedRequestContentRejection.class, r -> complete(malformed(r.getCause())))
                .handle(RequestEntityExpectedRejection.class, r -> complete(response(StatusCodes.BAD_REQUEST,
                        "bad_request", "the request needs a JSON body")))
                .handle(UnsupportedRequestContentTypeRejection.class, r -> complete(response(
                        StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                        "send the body as application/json")))
                .handle(MalformedQueryParamRejection.class, r -> complete(response(StatusCodes.BAD_REQUEST,
                        "bad_request", "query parameter " + r.parameterName() + ": " + r.errorMsg())))
                .handle(MissingQueryParamRejection.class, r -> complete(response(StatusCodes.BAD_REQUEST,
                        "bad_request", "query parameter " + r.parameterName() + " is missing")))
                .handleAll(MethodRejection.class, rs -> complete(response(StatusCodes.METHOD_NOT_ALLOWED,
                        "method_not_allowed", "use " + rs.stream().map(r -> r.supported().name()).distinct()
                                .reduce((a, b) -> a + " or " + b).orElse("another method"))))
                .handleNotFound(complete(response(StatusCodes.NOT_FOUND, "not_found", "no such route")))
                .build()
                .seal();
    }

    private HttpResponse malformed(Throwable cause) {
        Throwable e = unwrap(cause);
        // Akka's Jackson unmarshaller wraps the parser's exception in its own
        while (!(e instanceof JsonProcessingException) && e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        if (e instanceof DamagedRun) {
            return response(StatusCodes.CONFLICT, "damaged", e.getMessage());
        }
        if (e instanceof EntityStreamSizeException) {
            return tooLarge();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return response(StatusCodes.BAD_REQUEST, "bad_request", "unknown field '" + unknown.getPropertyName()
                    + "'; known fields: " + unknown.getKnownPropertyIds());
        }
        if (e instanceof JsonProcessingException json) {
            return response(StatusCodes.BAD_REQUEST, "bad_request", "malformed JSON: " + json.getOriginalMessage());
        }
        return response(StatusCodes.BAD_REQUEST, "bad_request", "malformed request body: " + unwrap(cause).getMessage());
    }

    private HttpResponse tooLarge() {
        return response(StatusCodes.PAYLOAD_TOO_LARGE, "too_large",
                "the request body is larger than the node accepts (akka.http.server.parsing.max-content-length)");
    }

    static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
