package dev.softwarefactory.server;

import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.RunService;
import dev.softwarefactory.node.StepFilter;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.runtime.Outcome;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** /api/runs: start, list, read, cancel, resume, rerun and fork runs, and read their timelines. */
public final class RunRoutes extends AllDirectives {
    private static final int DEFAULT_PAGE = 50;
    private static final int DEFAULT_STEPS = 500;
    private final RunService runs;
    private final ApiJson json;
    private final Blocking blocking;

    public RunRoutes(RunService runs, ApiJson json, Blocking blocking) {
        this.runs = runs;
        this.json = json;
        this.blocking = blocking;
    }

    public Route routes() {
        return pathPrefix("runs", () -> concat(
                pathEnd(() -> concat(
                        get(this::list),
                        post(() -> entity(json.unmarshaller(RunRequest.class), request ->
                                answer(StatusCodes.ACCEPTED, () -> runs.start(request.order())))))),
                pathPrefix(PathMatchers.segment(), this::run)));
    }

    private Route run(String id) {
        return concat(
                pathEnd(() -> get(() -> answer(StatusCodes.OK, () -> runs.detail(id)))),
                path("cancel", () -> post(() -> answer(StatusCodes.OK, () -> runs.cancel(id)))),
                path("resume", () -> post(() -> answer(StatusCodes.ACCEPTED, () -> runs.resume(id, ModelOptions.NONE)))),
                path("rerun", () -> post(() -> answer(StatusCodes.ACCEPTED, () -> runs.rerun(id)))),
                path("fork", () -> post(() -> entity(json.unmarshaller(ForkRequest.class), request ->
                        answer(StatusCodes.ACCEPTED, () -> runs.fork(id, request.fork()))))),
                path("summary", () -> get(() -> answer(StatusCodes.OK, () -> runs.endedSummary(id)))),
                path("timeline", () -> get(() -> timeline(id))),
                path(PathMatchers.segment("steps").slash(PathMatchers.longSegment()), n ->
                        get(() -> answer(StatusCodes.OK, () -> runs.step(id, n)))));
    }

    private Route timeline(String id) {
        return parameterOptional("after", after -> parameterOptional("limit", limit ->
                parameterOptional("full", full -> parameterOptional("role", role -> parameterOptional("type", type ->
                        answer(StatusCodes.OK, () -> Map.of("steps", runs.timeline(id,
                                number(after, "after", 0), (int) number(limit, "limit", DEFAULT_STEPS),
                                full.filter("true"::equals).isPresent(), new StepFilter(role, type)))))))));
    }

    private Route list() {
        return parameterOptional("status", status -> parameterOptional("offset", offset ->
                parameterOptional("limit", limit -> answer(StatusCodes.OK, () -> runs.list(status(status),
                        (int) number(offset, "offset", 0), (int) number(limit, "limit", DEFAULT_PAGE))))));
    }

    private <T> Route answer(StatusCode status, Supplier<T> work) {
        return onSuccess(blocking.call(work), value -> complete(status, value, json.marshaller()));
    }

    private static Optional<Outcome> status(Optional<String> status) {
        return status.filter(s -> !s.isBlank()).map(s -> {
            try {
                return Outcome.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("status must be one of RUNNING, SUCCEEDED, FAILED, CANCELLED; got " + s);
            }
        });
    }

    static long number(Optional<String> value, String name, long fallback) {
        if (value.isEmpty() || value.get().isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new UserError(name + " must be a whole number; got " + value.get());
        }
    }
}
