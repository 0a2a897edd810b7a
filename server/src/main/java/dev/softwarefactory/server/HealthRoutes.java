package dev.softwarefactory.server;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import dev.softwarefactory.node.Readiness;
import java.util.Map;

/**
 * /healthz: the process answers (open to all, for probes). /readyz: the node is a member of its
 * cluster and a node that runs runs is up, so it can take runs (behind the token like everything else).
 */
public final class HealthRoutes extends AllDirectives {
    private final ActorSystem<?> system;
    private final ApiJson json;

    public HealthRoutes(ActorSystem<?> system, ApiJson json) {
        this.system = system;
        this.json = json;
    }

    public Route health() {
        return path("healthz", () -> get(() -> complete(StatusCodes.OK, Map.of("status", "ok"), json.marshaller())));
    }

    public Route readiness() {
        return path("readyz", () -> get(() -> Readiness.notReadyBecause(system)
                .map(reason -> complete(StatusCodes.SERVICE_UNAVAILABLE, ApiError.of("not_ready", reason),
                        json.marshaller()))
                .orElseGet(() -> complete(StatusCodes.OK, Map.of("status", "ready"), json.marshaller()))));
    }
}
