package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.journal.TestDatabase;
import dev.softwarefactory.runtime.replay.WorkspaceDigest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace rebuilt from the PostgreSQL journal (needs the test server of .ci/postgres). */
class WorkspaceSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CODE = "def add(a, b):\r\n    return a + b\r\n";
    private static final String NOTES = "Grüße, 你好 — no newline at the end";

    @TempDir
    Path dataDir;
    @TempDir
    Path otherNode;

    /** An author writes files with CRLF, non-ASCII text and folders, in two actions that overwrite one. */
    static final class Author implements Sop {
        @Override
        public List<RoleDefinition> roles() {
            return List.of(new TestCompany.OneActionRole("Author", Message.REQUIREMENT, new WriteFiles("v1")),
                    new TestCompany.OneActionRole("Editor", TestCompany.DRAFT, new WriteFiles("v2")));
        }

        @Override
        public Optional<String> completes(Message message) {
            return message.type().equals(TestCompany.REVIEW) ? Optional.of("edited") : Optional.empty();
        }
    }

    record WriteFiles(String version) implements Action {
        @Override
        public String name() {
            return "Write-" + version;
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) {
            String text = context.llm("text", name(), null, List.of(ChatMessage.user("write"))).text();
            context.writeFile("src/calc/add.py", CODE + "# " + version + "\r\n");
            context.writeFile("docs/notes-" + version + ".md", NOTES);
            context.writeFile("README.md", text);
            return List.of(Draft.of(version.equals("v1") ? TestCompany.DRAFT : TestCompany.REVIEW, text));
        }
    }

    @Test
    void aWorkspaceRebuiltFromTheJournalIsByteIdenticalAndOnlyNewEffectsAreApplied() {
        try (TestDatabase database = TestDatabase.withSchema()) {
            ExecutorService threads = Executors.newCachedThreadPool();
            ActorTestKit kit = ActorTestKit.create("workspace-sync", NodeConfig.forDataDir(dataDir,
                    ConfigFactory.parseString("software-factory.journal = \"" + database.url() + "\"\n"
                            + "software-factory.journal-user = \"" + database.journal().user() + "\"\n"
                            + "software-factory.journal-password = \"" + database.journal().password() + "\"\n"
                            + "software-factory.journal-pool-size = 2")));
            try {
                Cluster cluster = Cluster.get(kit.system());
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
                Author sop = new Author();
                FactoryNode node = FactoryNode.start(kit.system(), sop, new RoleServices(
                        new ScriptedModel(List.of(new ScriptEntry("Write-v1", null, "# Calc\n\nfirst", 0),
                                new ScriptEntry("Write-v2", null, "# Calc\r\n\r\nsecond ✓", 0)), "test"),
                        dataDir.resolve("workspace"), new CommandRunner(4096, new Unsandboxed()), threads,
                        Duration.ofMillis(100), Duration.ofSeconds(3)));
                TestProbe<akka.Done> started = kit.createTestProbe();
                node.company("ws1").tell(new Company.Start(new RunConfig("calc", "scripted:test",
                        List.of("Author", "Editor"), 10, 0), started.getRef()));
                started.expectMessage(WAIT, akka.Done.getInstance());
                TestProbe<Company.Status> status = kit.createTestProbe();
                status.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
                    node.company("ws1").tell(new Company.GetStatus(status.getRef()));
                    assertEquals(Outcome.SUCCEEDED, status.receiveMessage(WAIT).outcome());
                    return null;
                });

                Path writer = dataDir.resolve("workspace").resolve("ws1");
                Workspace rebuilt = new Workspace(otherNode.resolve("ws1"));
                WorkspaceSync sync = WorkspaceSync.of(kit.system(), sop);
                assertNotEquals(WorkspaceDigest.of(writer), WorkspaceDigest.of(rebuilt.root()));
                assertEquals(6, sync.bringUpToDate("ws1", rebuilt), "three files per action; the second overwrites two");
                assertEquals(WorkspaceDigest.of(writer), WorkspaceDigest.of(rebuilt.root()));
                assertEquals(0, sync.bringUpToDate("ws1", rebuilt), "nothing new in the journal");
            } finally {
                kit.shutdownTestKit();
                threads.shutdownNow();
            }
        }
    }
}
