package dev.softwarefactory.server;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import dev.softwarefactory.node.RunService;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every route of a node: /healthz and the web page's shell and assets (no data in them) open to all, everything else behind the token check when the node
 * has a token, all failures as JSON errors. Other resources (the web page, the gateway's endpoints)
 * join with {@link #with}.
 */
public final class ServerRoutes extends AllDirectives {
    private final ApiErrors errors;
    private final TokenCheck tokens;
    private final HealthRoutes health;
    private final RunRoutes runs;
    private final RunEventRoutes events;
    private final RunFileRoutes files;
    private final LlmRoutes llm;
    private final DocsRoutes docs = new DocsRoutes();
    private final WebRoutes web = new WebRoutes();
    private final PrometheusMeterRegistry metrics;
    private final List<Route> more = new ArrayList<>();
    private final long maxBodyBytes;

    public ServerRoutes(RunService service, PrometheusMeterRegistry metrics, Optional<String> token) {
        var system = service.session().system();
        ApiJson json = new ApiJson(system);
        Blocking blocking = new Blocking(system);
        this.errors = new ApiErrors(json);
        this.tokens = new TokenCheck(token, errors);
        this.health = new HealthRoutes(system, json);
        this.runs = new RunRoutes(service, json, blocking);
        this.events = new RunEventRoutes(service, json, blocking,
                system.settings().config().getDuration("software-factory.api.sse-heartbeat"));
        this.files = new RunFileRoutes(service, json, blocking);
        this.llm = new LlmRoutes(service, json);
        this.metrics = metrics;
        this.maxBodyBytes = system.settings().config().getBytes("software-factory.api.max-body-bytes");
        io.micrometer.core.instrument.Gauge.builder("sf_sse_streams_open", events::openStreams)
                .description("Run event streams being served").register(metrics);
    }

    /** Adds a resource's routes, served behind the same token check and error handling. */
    public ServerRoutes with(Route routes) {
        more.add(routes);
        return this;
    }

    public Route routes() {
        List<Route> guarded = new ArrayList<>(List.of(
                pathPrefix("api", () -> concat(runs.routes(), events.routes(), files.routes(), llm.routes(), docs.routes())),
                health.readiness(),
                path("metrics", () -> get(() -> complete(metrics.scrape())))));
        guarded.addAll(more);
        Route first = guarded.remove(0);
        return errors.handle(withSizeLimit(maxBodyBytes, () -> concat(health.health(), web.routes(),
                tokens.require(() -> concat(first, guarded.toArray(Route[]::new))))));
    }

    public RunEventRoutes events() {
        return events;
    }
}
