package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.SerializationTestKit;
import akka.serialization.jackson.JacksonJsonSerializer;
import akka.serialization.SerializationExtension;
import dev.softwarefactory.runtime.action.EffectResult;
import dev.softwarefactory.runtime.replay.ReplaySource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every persisted event and every command that may cross nodes survives the real serializer. */
class SerializationRoundTripTest {
    static ActorTestKit kit;

    @BeforeAll
    static void start() {
        kit = ActorTestKit.create("serialization-test", NodeConfig.nodeDefaults());
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    static Stream<Object> serializable() {
        Message message = new Message("r1/Writer/1/1", "r1", "Draft", "Writer", List.of("Reviewer"), "r1/requirement",
                "text with \"quotes\" and\nlines");
        LoggedMessage entry = new LoggedMessage(2, message);
        RunConfig config = new RunConfig("write", "scripted:/tmp/s.json", List.of("Writer"), 5, 1.5);
        Usage usage = new Usage(2, 300, 0.25);
        var llm = new EffectResult.LlmAnswered("Write", "draft.md", "user: prompt", "answer", 10, 20, 0.01, "sim",
                "m", 120);
        var file = new EffectResult.FileWritten("src/a.py", "print(1)\n");
        var exec = new EffectResult.CommandExited(List.of("python3", "-m", "unittest"), 1, "FAILED", false, 80);
        var time = new EffectResult.TimeRead(1_700_000_000_000L);
        var doneProbe = kit.<akka.Done>createTestProbe().getRef();
        var statusProbe = kit.<Company.Status>createTestProbe().getRef();
        RunConfig fork = new RunConfig("write", "scripted:/tmp/s.json", List.of("Writer"), 5, 1.5,
                ReplaySource.fork("r0", 12));
        return Stream.of(message, entry, config, fork, ReplaySource.rerun("r0"), usage, llm, file, exec, time,
                new Company.RunStarted("r1", config, 1L),
                new Company.MessagePublished(entry),
                new Company.ActionAccounted("Writer", 1, "Write", usage),
                new Company.ModelCallAccounted("Writer", 1, "llm:draft", usage),
                new Company.RunEnded(Outcome.SUCCEEDED, "done", 2L),
                new Company.RunResumed(1_700_000_100_000L),
                new Company.Start(config, doneProbe),
                new Company.Resume(statusProbe),
                new Company.Publish("Writer", 1, "Write", List.of(message), usage,
                        kit.<Company.PublishAck>createTestProbe().getRef()),
                new Company.ReportFailure("Writer", "Write", "boom"),
                new Company.ReadLog("Writer", Set.of("Draft"), 3, true,
                        kit.<Company.LogSlice>createTestProbe().getRef()),
                new Company.GetStatus(statusProbe),
                new Company.GetConfig(kit.<RunConfig>createTestProbe().getRef()),
                new Company.AdmitModelCall("Writer", 1, "Write", kit.<Company.Admission>createTestProbe().getRef()),
                new Company.AccountModelCall("Writer", 1, "llm:draft", usage),
                new Company.Admission(false, "budget spent"),
                new Company.PublishAck(true),
                new Company.LogSlice(List.of(entry), 2, true),
                new Company.Status("r1", true, Outcome.FAILED, "why", 1, 2, 3, 4, usage),
                RoleActor.Wake.INSTANCE,
                RoleActor.RunClosed.INSTANCE,
                new RoleActor.MessageObserved(entry),
                new RoleActor.ActionStarted(1, "Write", List.of("r1/requirement")),
                new RoleActor.EffectRecorded(1, "llm:draft", llm),
                new RoleActor.EffectRecorded(1, "file:src/a.py", file),
                new RoleActor.EffectRecorded(1, "exec:tests", exec),
                new RoleActor.EffectRecorded(1, "now:start", time),
                new RoleActor.EffectReplayed(1, "llm:draft", llm, "r0", 5),
                new RoleActor.ActionCompleted(1, List.of(message), usage),
                new RoleActor.OutputsDelivered(1, false),
                new RoleActor.ActionFailed(1, "Write", "boom"),
                new RoleActor.Snapshot(List.of(message), Set.of("r1/requirement"), Map.of("Write|draft.md", 2), 3,
                        new RoleActor.RunningSnapshot(3, "Write", List.of("r1/requirement"),
                                Map.of("llm:draft", llm, "file:src/a.py", file), Set.of("llm:draft"), null, null),
                        false, 12L),
                new RoleActor.Snapshot(List.of(), Set.of(), Map.of(), 0, null, true, null),
                new RoleActor.RunningSnapshot(1, "Write", List.of(), Map.of("exec:tests", exec, "now:start", time),
                        Set.of(), List.of(message), usage),
                new Company.Snapshot(fork, 1L, List.of(entry), Set.of("Writer#1"), Set.of("Writer#1#llm:draft"), usage,
                        1, Outcome.RUNNING, "", 0L, 9L));
    }

    @ParameterizedTest
    @MethodSource("serializable")
    void roundTripsThroughJacksonJson(Object value) {
        assertEquals(JacksonJsonSerializer.class,
                SerializationExtension.get(kit.system().classicSystem()).findSerializerFor(value).getClass());
        new SerializationTestKit(kit.system()).verifySerialization(value, true);
    }
}
