package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.softwarefactory.runtime.action.EffectResult;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import dev.softwarefactory.runtime.action.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command recorded by a role on a node that then died is served its recorded result where the role
 * resumes, and is run there too, so that what it made (the environment the next command runs in) is
 * there; a workspace that ran it itself (a restart on the same node) does not run it again.
 */
class ServedCommandTest {
    private static final List<String> MAKE_ENVIRONMENT = List.of("sh", "-c",
            "mkdir -p .sf/venv && echo made >> .sf/venv/made");
    private static final CommandExited RECORDED = new CommandExited(MAKE_ENVIRONMENT, 0, "recorded output", false, 42);
    private static final ExecutorService threads = Executors.newCachedThreadPool();

    @TempDir
    Path workspaces;

    @AfterAll
    static void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aRecordedCommandThisWorkspaceNeverRanIsRunHereAndServedItsRecordedResult() throws Exception {
        RoleServices services = services();

        CommandExited served = context(services).exec("environment", MAKE_ENVIRONMENT, Duration.ofSeconds(30),
                Network.NONE);

        assertEquals(RECORDED, served);
        assertEquals("made\n", Files.readString(services.workspace("run").resolve(".sf/venv/made")));
    }

    @Test
    void aRecordedCommandThisWorkspaceRanIsNotRunAgain() throws Exception {
        RoleServices services = services();
        context(services).exec("environment", MAKE_ENVIRONMENT, Duration.ofSeconds(30), Network.NONE);

        CommandExited served = context(services).exec("environment", MAKE_ENVIRONMENT, Duration.ofSeconds(30),
                Network.NONE);

        assertEquals(RECORDED, served);
        assertEquals("made\n", Files.readString(services.workspace("run").resolve(".sf/venv/made")),
                "the command ran once in this workspace");
    }

    @Test
    void aCommandServedFromAnotherRunIsNotRun() {
        RoleServices services = services();
        DurableActionContext replaying = new DurableActionContext("run", "Engineer", 1,
                Map.<String, EffectResult>of("exec:environment", RECORDED), Set.of("exec:environment"), Map.of(), null,
                services, null, null);

        assertEquals(RECORDED, replaying.exec("environment", MAKE_ENVIRONMENT, Duration.ofSeconds(30), Network.NONE));
        assertFalse(Files.exists(services.workspace("run").resolve(".sf/venv/made")));
    }

    private RoleServices services() {
        return new RoleServices(null, workspaces, new CommandRunner(4096, new Unsandboxed()), threads,
                Duration.ofMillis(100), Duration.ofSeconds(3));
    }

    /** The context of invocation 1 of a role whose journal recorded the environment command (a resume). */
    private static DurableActionContext context(RoleServices services) {
        return new DurableActionContext("run", "Engineer", 1, Map.<String, EffectResult>of("exec:environment",
                RECORDED), Set.of(), Map.of(), null, services, null, null);
    }
}
