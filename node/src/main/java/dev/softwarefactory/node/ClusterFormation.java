package dev.softwarefactory.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a node joins: alone (a one-node cluster on a loopback port, the default) or, with
 * {@code software-factory.cluster.enabled}, through seed nodes on its own host and port, with its
 * node roles, into a cluster that shares one PostgreSQL journal.
 */
public final class ClusterFormation {
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");

    private ClusterFormation() {
    }

    /** True when the node forms a cluster with seed nodes instead of joining itself. */
    public static boolean enabled(Config config) {
        return config.getBoolean("software-factory.cluster.enabled");
    }

    /**
     * The Akka settings of a clustered node: remoting address, seed nodes, roles.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static Config akkaSettings(Config config, String systemName) {
        Config cluster = config.getConfig("software-factory.cluster");
        List<String> seeds = cluster.getStringList("seeds");
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs seed nodes: --seed HOST:PORT (or"
                    + " software-factory.cluster.seeds), the same list on every node");
        }
        for (String seed : seeds) {
            if (!HOST_PORT.matcher(seed).matches()) {
                throw new IllegalArgumentException("a seed is HOST:PORT, e.g. 10.0.0.1:25520, not " + seed);
            }
        }
        int port = cluster.getInt("node-port");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--node-port must be 1-65535, not " + port);
        }
        if (config.getString("software-factory.journal").strip().equals("leveldb")) {
            throw new IllegalArgumentException("a cluster needs a journal every node reads: --journal"
                    + " jdbc:postgresql://HOST:5432/DB (LevelDB is one node's own)");
        }
        String host = cluster.getString("node-host");
        requireFree(host, port);
        return ConfigFactory.empty()
                .withValue("akka.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
                .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
                .withValue("akka.cluster.seed-nodes", ConfigValueFactory.fromIterable(
                        seeds.stream().map(seed -> "akka://" + systemName + "@" + seed).toList()))
                .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(cluster.getStringList("roles")));
    }

    /** Akka would log a stack trace and fail later; a port taken by another process is said up front. */
    private static void requireFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen for the cluster on " + host + ":" + port
                    + " (--node-host, --node-port): " + e.getMessage());
        }
    }
}
