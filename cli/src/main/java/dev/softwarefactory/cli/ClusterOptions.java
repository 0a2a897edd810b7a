package dev.softwarefactory.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** serve's cluster options; each is also a setting under software-factory.cluster (conf/application.conf). */
final class ClusterOptions {
    @Option(names = "--cluster", description = "Join the cluster the seed nodes form (software-factory.cluster.enabled);"
            + " needs a PostgreSQL --journal.")
    boolean cluster;

    @Option(names = "--node-host", paramLabel = "HOST",
            description = "The address other nodes reach this one on (default: 127.0.0.1).")
    String host;

    @Option(names = "--node-port", paramLabel = "PORT", description = "The cluster port (default: 25520).")
    Integer port;

    @Option(names = "--seed", paramLabel = "HOST:PORT",
            description = "A seed node, repeated; the same list on every node.")
    List<String> seeds;

    @Option(names = "--node-roles", paramLabel = "ROLE", split = ",",
            description = "This node's roles, e.g. gateway,worker (default: none, so it does everything).")
    List<String> roles;

    @Mixin
    JournalOption journal;

    /** The options given, as settings above conf/application.conf. */
    Config asConfig() {
        Config config = ConfigFactory.empty();
        String path = "software-factory.cluster.";
        if (cluster) {
            config = config.withValue(path + "enabled", ConfigValueFactory.fromAnyRef(true));
        }
        if (host != null) {
            config = config.withValue(path + "node-host", ConfigValueFactory.fromAnyRef(host));
        }
        if (port != null) {
            config = config.withValue(path + "node-port", ConfigValueFactory.fromAnyRef(port));
        }
        if (seeds != null) {
            config = config.withValue(path + "seeds", ConfigValueFactory.fromIterable(seeds));
        }
        if (roles != null) {
            config = config.withValue(path + "roles", ConfigValueFactory.fromIterable(roles));
        }
        return journal.over(config);
    }
}
