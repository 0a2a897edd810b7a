package dev.softwarefactory.server;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.Route;
import dev.softwarefactory.node.UserError;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Binds a node's routes to an address; any address but loopback needs a token. */
public final class ApiServer {
    /** How long a stopping node lets requests in flight finish. */
    private static final Duration UNBIND_DEADLINE = Duration.ofSeconds(3);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);

    private ApiServer() {
    }

    /** Refuses, before anything starts, an address other than loopback without a token. */
    public static void checkExposure(String host, Optional<String> token) {
        if (token.isEmpty() && !loopback(host)) {
            throw new UserError("--host " + host + " is reachable from other machines, so the API needs a token:"
                    + " set SF_API_TOKEN or give --token-file FILE (or keep the default --host 127.0.0.1)");
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UserError("unknown --host " + host + ": " + e.getMessage());
        }
    }

    /** Binds and waits until the node listens; the binding is released when the actor system stops. */
    public static ServerBinding bind(ActorSystem<?> system, Route routes, String host, int port) {
        try {
            ServerBinding binding = Http.get(system).newServerAt(host, port).bind(routes).toCompletableFuture()
                    .get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return binding.addToCoordinatedShutdown(UNBIND_DEADLINE, system);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + ApiErrors.unwrap(e).getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("binding " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    /** The base URL a client uses, e.g. http://127.0.0.1:8080. */
    public static String url(ServerBinding binding) {
        InetSocketAddress address = binding.localAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
