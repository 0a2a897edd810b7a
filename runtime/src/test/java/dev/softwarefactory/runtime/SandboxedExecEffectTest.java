package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.FishingOutcomes;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.eventstream.EventStream;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.Network;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An action's commands through its context under bubblewrap: an install step with network and a
 * test step without, both recorded as {@code exec:} effects.
 */
class SandboxedExecEffectTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INSTALLED = "Installed";
    private static final Bubblewrap BWRAP = new Bubblewrap("bwrap");

    @TempDir
    static Path workspaces;
    static ActorTestKit kit;
    static FactoryNode node;
    static ServerSocket packageIndex;
    static final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void startNode() throws IOException {
        Optional<String> problem = BWRAP.problem();
        Assumptions.assumeTrue(problem.isEmpty(), () -> "bubblewrap does not work here: " + problem.orElseThrow());
        packageIndex = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        kit = OneNodeKit.create("sandboxed-exec-test",
                ConfigFactory.parseString("software-factory.role-retry-interval = 100ms"));
        node = FactoryNode.start(kit.system(), new InstallThenTest(packageIndex.getLocalPort()),
                new RoleServices(new ScriptedModel(List.of(), "none"), workspaces,
                        new CommandRunner(4096, BWRAP), threads, Duration.ofMillis(100), Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (kit != null) {
            kit.shutdownTestKit();
            packageIndex.close();
        }
        threads.shutdownNow();
    }

    @Test
    void onlyTheStepThatAllowsNetworkReachesTheServerAndBothAreRecordedAsExecEffects() throws IOException {
        TestProbe<Progress> progress = kit.createTestProbe();
        kit.system().eventStream().tell(new EventStream.Subscribe<>(Progress.class, progress.getRef()));
        TestProbe<akka.Done> started = kit.createTestProbe();

        node.company("run1").tell(new Company.Start(
                new RunConfig("install and test", "scripted:none", List.of("Installer"), 5, 0), started.getRef()));

        started.expectMessage(WAIT, akka.Done.getInstance());
        List<String> effectKeys = new ArrayList<>();
        progress.fishForMessage(WAIT, message -> {
            if (message instanceof Progress.EffectRecorded recorded) {
                effectKeys.add(recorded.key());
            }
            return message instanceof Progress.MessagePublished published && published.type().equals(INSTALLED)
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndIgnore();
        });
        assertEquals(List.of("exec:install", "exec:tests"), effectKeys);
        assertEquals(List.of("install"), connectionsTo(packageIndex));
    }

    private static List<String> connectionsTo(ServerSocket server) throws IOException {
        server.setSoTimeout(300);
        List<String> received = new ArrayList<>();
        while (true) {
            try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
                received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                return received;
            }
        }
    }

    /** One role whose action installs with network, then tests without; both contact the server. */
    record InstallThenTest(int port) implements Sop {
        @Override
        public List<RoleDefinition> roles() {
            return List.of(new TestCompany.OneActionRole("Installer", Message.REQUIREMENT, new Action() {
                @Override
                public String name() {
                    return "InstallAndTest";
                }

                @Override
                public List<Draft> run(ActionInput input, ActionContext context) {
                    int install = context.exec("install", send("install"), WAIT, Network.ALLOWED).exitCode();
                    int tests = context.exec("tests", send("tests"), WAIT).exitCode();
                    return List.of(Draft.of(INSTALLED, "install=" + install + " tests=" + tests));
                }
            }));
        }

        @Override
        public Optional<String> completes(Message message) {
            return message.type().equals(INSTALLED) ? Optional.of("installed") : Optional.empty();
        }

        private List<String> send(String text) {
            return List.of("python3", "-c", "import socket; s = socket.create_connection(('127.0.0.1', " + port
                    + "), 5); s.sendall(b'" + text + "'); s.close()");
        }
    }
}
