package dev.softwarefactory.server;

import akka.http.javadsl.marshalling.sse.EventStreamMarshalling;
import akka.http.javadsl.model.sse.ServerSentEvent;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import dev.softwarefactory.node.FeedEvent;
import dev.softwarefactory.node.RunService;
import dev.softwarefactory.node.UserError;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET /api/runs/{id}/events: the run's feed as server-sent events, read back from the journal; the
 * event id is the journal's offset, so a client that reconnects with Last-Event-ID misses nothing and
 * sees nothing twice. Heartbeats keep idle connections open; the stream ends with the run's end event.
 */
public final class RunEventRoutes extends AllDirectives {
    private final RunService runs;
    private final ApiJson json;
    private final Blocking blocking;
    private final Duration heartbeat;
    private final AtomicInteger open = new AtomicInteger();

    public RunEventRoutes(RunService runs, ApiJson json, Blocking blocking, Duration heartbeat) {
        this.runs = runs;
        this.json = json;
        this.blocking = blocking;
        this.heartbeat = heartbeat;
    }

    /** Event streams being served now; one ends when its client goes away. */
    public int openStreams() {
        return open.get();
    }

    public Route routes() {
        return path(PathMatchers.segment("runs").slash(PathMatchers.segment()).slash("events"), id ->
                get(() -> optionalHeaderValueByName("Last-Event-ID", lastEventId ->
                        parameterOptional("afterStep", afterStep ->
                                onSuccess(blocking.call(() -> runs.requireKnown(id)), run -> completeOK(
                                        stream(id, after(lastEventId), RunRoutes.number(afterStep, "afterStep", 0)),
                                        EventStreamMarshalling.toEventStream()))))));
    }

    /**
     * From the event after Last-Event-ID; a client that shows a timeline page already (the web page)
     * names the last step it has with afterStep instead, and the feed skips to it.
     */
    private akka.stream.javadsl.Source<ServerSentEvent, akka.NotUsed> stream(String runId, long after, long afterStep) {
        return runs.feed().events(runId, after)
                .filter(event -> event.step() > afterStep)
                .map(this::event)
                .keepAlive(heartbeat, ServerSentEvent::heartbeat)
                .watchTermination((notUsed, done) -> {
                    open.incrementAndGet();
                    done.whenComplete((d, e) -> open.decrementAndGet());
                    return notUsed;
                });
    }

    private ServerSentEvent event(FeedEvent event) {
        return ServerSentEvent.create(json.write(event), Optional.of(event.event()),
                Optional.of(Long.toString(event.id())), java.util.OptionalInt.empty());
    }

    private static long after(Optional<String> lastEventId) {
        if (lastEventId.isEmpty() || lastEventId.get().isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.get().strip());
        } catch (NumberFormatException e) {
            throw new UserError("Last-Event-ID must be the id of an event of this stream; got " + lastEventId.get());
        }
    }
}
