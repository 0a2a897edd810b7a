package dev.softwarefactory.cli;

import akka.http.javadsl.ServerBinding;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.endpoint.OpenAiRoutes;
import dev.softwarefactory.node.FeedEvent;
import dev.softwarefactory.node.ForkRun;
import dev.softwarefactory.node.ModelOptions;
import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.node.ProjectSummary;
import dev.softwarefactory.node.RunDetail;
import dev.softwarefactory.node.RunService;
import dev.softwarefactory.node.RunTimeline;
import dev.softwarefactory.node.StartRun;
import dev.softwarefactory.node.StartedRun;
import dev.softwarefactory.node.UserError;
import dev.softwarefactory.runtime.RunSummary;
import dev.softwarefactory.runtime.replay.Step;
import dev.softwarefactory.server.ApiServer;
import dev.softwarefactory.server.ServerRoutes;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A node in this process that owns a data dir, runs runs and serves the API; its address is recorded
 * in the data dir's lock file so that other commands on the data dir go through it.
 */
final class ServingNode implements RunsClient {
    private final NodeSession session;
    private final RunService service;
    private final String url;

    private final Path dataDir;

    private ServingNode(NodeSession session, RunService service, String url, Path dataDir) {
        this.session = session;
        this.service = service;
        this.url = url;
        this.dataDir = dataDir;
    }

    /** Opens the data dir, starts the node and binds its API ({@code port} 0: a free one). */
    static ServingNode open(Path dataDir, Optional<String> defaultSpec, Optional<String> apiKey, String host, int port,
            Optional<String> token) {
        return open(dataDir, defaultSpec, apiKey, host, port, token, ConfigFactory.empty());
    }

    /** With command-line {@code options} (journal, cluster) above conf/application.conf. */
    static ServingNode open(Path dataDir, Optional<String> defaultSpec, Optional<String> apiKey, String host, int port,
            Optional<String> token, Config options) {
        ApiServer.checkExposure(host, token);
        NodeSession session = NodeSession.open(dataDir, true, options);
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            RunService service = RunService.start(session, defaultSpec, apiKey, metrics);
            ServerBinding binding = ApiServer.bind(session.system(),
                    withGateway(new ServerRoutes(service, metrics, token), service).routes(), host, port);
            String url = ApiServer.url(binding);
            session.recordApiAddress(url);
            return new ServingNode(session, service, url, dataDir);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static ServerRoutes withGateway(ServerRoutes routes, RunService service) {
        service.gateway().ifPresent(gateway ->
                routes.with(OpenAiRoutes.of(service.session().system(), gateway).route()));
        return routes;
    }

    /** A node on loopback with a free port, for a command that runs one run. */
    static ServingNode forOneRun(Path dataDir, Optional<String> defaultSpec, Optional<String> apiKey) {
        return open(dataDir, defaultSpec, apiKey, "127.0.0.1", 0, Optional.empty());
    }

    RunService service() {
        return service;
    }

    NodeSession session() {
        return session;
    }

    @Override
    public String apiUrl() {
        return url;
    }

    @Override
    public StartedRun start(StartRun order) {
        return service.start(order);
    }

    @Override
    public StartedRun resume(String runId, ModelOptions model) {
        return known(runId, () -> service.resume(runId, model));
    }

    @Override
    public StartedRun rerun(String runId) {
        return known(runId, () -> service.rerun(runId));
    }

    @Override
    public StartedRun fork(String runId, ForkRun fork) {
        return known(runId, () -> service.fork(runId, fork));
    }

    /** An unknown run is refused naming the data dir as the user gave it, and how to list its runs. */
    private <T> T known(String runId, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (UserError e) {
            if (e.kind() == UserError.Kind.NOT_FOUND && e.getMessage().equals("no run " + runId)) {
                throw UserError.notFound("no run " + runId + " in " + dataDir + " (list them with: runs --data-dir "
                        + dataDir + ")");
            }
            throw e;
        }
    }

    @Override
    public void follow(String runId, long after, Consumer<FeedEvent> events) {
        service.feed().events(runId, after).runForeach(events::accept, session.system()).toCompletableFuture().join();
    }

    @Override
    public ProjectSummary summary(String runId) {
        return service.summary(runId);
    }

    @Override
    public RunDetail.Digests digests(String rerunId) {
        return service.detail(rerunId).digest();
    }

    @Override
    public List<RunSummary> runs() {
        return service.all();
    }

    @Override
    public RunSummary run(String runId) {
        return known(runId, () -> service.find(runId));
    }

    @Override
    public List<Step> timeline(String runId) {
        return RunTimeline.read(session, dataDir, runId).steps();
    }

    @Override
    public List<String> dataset(String runId) {
        return known(runId, () -> service.dataset(runId));
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public void close() {
        service.close();
        session.close();
    }
}
