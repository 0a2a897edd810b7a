package dev.softwarefactory.node;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.runtime.DataDirLock;
import dev.softwarefactory.runtime.JournalProbe;
import dev.softwarefactory.runtime.NodeConfig;
import dev.softwarefactory.runtime.journal.JournalSchema;
import dev.softwarefactory.runtime.journal.JournalUnavailable;
import dev.softwarefactory.runtime.journal.PostgresJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A node on a data dir it owns: the lock, the actor system, and (for runs) a one-node cluster. */
public final class NodeSession implements AutoCloseable {
    private static final String SYSTEM_NAME = "software-factory";
    private final DataDirLock lock;
    private final ActorSystem<Void> system;
    private final Path dataDir;

    private NodeSession(DataDirLock lock, ActorSystem<Void> system, Path dataDir) {
        this.lock = lock;
        this.system = system;
        this.dataDir = dataDir;
    }

    public static NodeSession open(Path dataDir, boolean joinCluster) {
        return open(dataDir, joinCluster, ConfigFactory.empty());
    }

    /**
     * With command-line {@code options} over conf/application.conf: a node on a PostgreSQL journal
     * refuses to start on a database without the journal's tables; with
     * {@code software-factory.cluster.enabled} it joins its seed nodes instead of itself.
     */
    public static NodeSession open(Path dataDir, boolean joinCluster, Config options) {
        Config user = options.withFallback(userOverrides());
        Config settings = user.withFallback(ConfigFactory.load()).resolve();
        boolean clustered = joinCluster && ClusterFormation.enabled(settings);
        Config formation;
        try {
            // The settings first, so that a mistyped option is said before any connection is tried.
            Optional<PostgresJournal> journal = NodeConfig.postgresJournal(user);
            formation = clustered ? ClusterFormation.akkaSettings(settings, SYSTEM_NAME) : ConfigFactory.empty();
            journal.ifPresent(JournalSchema::require);
        } catch (JournalUnavailable | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(dataDir);
        } catch (RuntimeException e) {
            throw new UserError(e.getMessage());
        }
        // A node that only reads its journal needs no cluster, and starts and stops a second faster without one.
        Config node = joinCluster ? formation.withFallback(user)
                : user.withFallback(ConfigFactory.parseString("akka.actor.provider = local"));
        Config config = NodeConfig.forDataDir(dataDir, node);
        try {
            JournalProbe.check(config, dataDir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, config);
        NodeSession session = new NodeSession(lock, system, dataDir.toAbsolutePath().normalize());
        if (joinCluster && !clustered) {
            joinSelf(system);
        }
        return session;
    }

    /** conf/application.conf of the current folder (or the --config file), checked; empty when there is none. */
    public static Config userOverrides() {
        return UserConfig.load();
    }

    /** The node's configuration before a node starts: user overrides over every module's defaults. */
    public static Config userConfig() {
        return userOverrides().withFallback(ConfigFactory.load()).resolve();
    }

    public ActorSystem<Void> system() {
        return system;
    }

    /** Records in the data dir's lock file the address of this node's API. */
    public void recordApiAddress(String url) {
        lock.record(url);
    }

    /** The API address of the node holding a data dir, when one holds it and serves its API. */
    public static Optional<String> holderAddress(Path dataDir) {
        return DataDirLock.holderAddress(dataDir);
    }

    /** Whether a node process holds the data dir now. */
    public static boolean held(Path dataDir) {
        return DataDirLock.isHeld(dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path workspaces() {
        return dataDir.resolve("workspace");
    }

    /** Makes the node a one-node cluster and waits until it is up. */
    public static void joinSelf(ActorSystem<?> system) {
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the node did not join its own cluster within 30 s");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster");
        }
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (Exception e) {
            // terminating anyway: the lock is released below and the process ends
        }
        lock.close();
    }
}
