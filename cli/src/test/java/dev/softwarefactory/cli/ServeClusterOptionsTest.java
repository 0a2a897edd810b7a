package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.node.ClusterFormation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** serve's cluster options: the settings they stand for, and bad values refused in one line before anything starts. */
class ServeClusterOptionsTest {
    private static final String JOURNAL = "jdbc:postgresql://127.0.0.1:5432/factory";
    /** A user, so that the journal setting is complete and the option under test is what gets refused. */
    private static final Map<String, String> PG_USER = Map.of("PGUSER", "factory", "PGPASSWORD", "secret-pw");

    @TempDir
    Path dir;

    @Test
    void theClusterOptionsAreTheClusterAndJournalSettings() {
        Config options = parse("--cluster", "--node-host", "10.0.0.2", "--node-port", "25521", "--seed",
                "10.0.0.1:25520", "--seed", "10.0.0.2:25520", "--node-roles", "gateway,worker", "--journal", JOURNAL);
        assertTrue(options.getBoolean("software-factory.cluster.enabled"));
        assertEquals("10.0.0.2", options.getString("software-factory.cluster.node-host"));
        assertEquals(25521, options.getInt("software-factory.cluster.node-port"));
        assertEquals(List.of("10.0.0.1:25520", "10.0.0.2:25520"),
                options.getStringList("software-factory.cluster.seeds"));
        assertEquals(List.of("gateway", "worker"), options.getStringList("software-factory.cluster.roles"));
        assertEquals(JOURNAL, options.getString("software-factory.journal"));
    }

    @Test
    void withoutClusterOptionsTheSettingsFileDecides() {
        assertTrue(parse().isEmpty());
    }

    @Test
    void anOptionOverridesItsSettingAndTheOtherSettingsStay() throws IOException {
        int port = freePort();
        Config file = ConfigFactory.parseString("software-factory { journal = \"" + JOURNAL + "\", cluster {"
                + " enabled = on, node-port = 1, seeds = [\"10.0.0.1:25520\"], roles = [worker] } }");
        Config akka = ClusterFormation.akkaSettings(parse("--node-port", Integer.toString(port)).withFallback(file)
                .withFallback(ConfigFactory.load()), "software-factory");
        assertEquals(port, akka.getInt("akka.remote.artery.canonical.port"));
        assertEquals(List.of("akka://software-factory@10.0.0.1:25520"), akka.getStringList("akka.cluster.seed-nodes"));
        assertEquals(List.of("worker"), akka.getStringList("akka.cluster.roles"));
    }

    @Test
    void aSeedWithoutAPortIsRefused() {
        assertRefused("error: a seed is HOST:PORT, e.g. 10.0.0.1:25520, not 10.0.0.1", "--cluster", "--seed",
                "10.0.0.1", "--journal", JOURNAL);
    }

    @Test
    void aClusterPortInUseIsRefused() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            String port = Integer.toString(taken.getLocalPort());
            assertRefused("error: cannot listen for the cluster on 127.0.0.1:" + port
                    + " (--node-host, --node-port): Address already in use", "--cluster", "--node-port", port,
                    "--seed", "127.0.0.1:" + port, "--journal", JOURNAL);
        }
    }

    @Test
    void aJournalUrlWithAPasswordIsRefusedWithoutShowingIt() {
        NodeProcess node = assertRefused("error: put the journal's password in PGPASSWORD (or"
                + " software-factory.journal-password), not in its URL", "--cluster", "--seed", "127.0.0.1:25520",
                "--journal", JOURNAL + "?user=factory&password=hunter2");
        assertFalse(node.output().contains("hunter2"), node.output());
    }

    private static Config parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.cluster.asConfig();
    }

    private NodeProcess assertRefused(String line, String... clusterArgs) {
        List<String> args = new ArrayList<>(List.of("serve", "--data-dir", "data", "--port", "0"));
        args.addAll(List.of(clusterArgs));
        NodeProcess node = NodeProcess.start(dir, PG_USER, args.toArray(String[]::new));
        assertEquals(2, node.exitCode(Duration.ofSeconds(90)), node.output());
        assertEquals(List.of(line), node.stderr(), node.output());
        assertFalse(Files.exists(dir.resolve("data")), "nothing may be written");
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
