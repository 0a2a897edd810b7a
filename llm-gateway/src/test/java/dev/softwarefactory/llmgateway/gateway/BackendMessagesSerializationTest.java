package dev.softwarefactory.llmgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backend commands and replies cross nodes (the entity may live elsewhere): each must survive jackson-json. */
class BackendMessagesSerializationTest {
    private static ActorTestKit kit;

    @BeforeAll
    static void start() {
        kit = ActorTestKit.create();
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void everyCrossNodeMessageRoundTripsThroughJacksonJson() {
        TestProbe<LlmBackend.Granted> granted = kit.createTestProbe();
        TestProbe<LlmBackend.Load> load = kit.createTestProbe();
        TestProbe<LlmBackend.Status> status = kit.createTestProbe();
        TestProbe<LlmBackend.Command> entity = kit.createTestProbe();
        LlmBackend.Load snapshot = new LlmBackend.Load("gpu1", 3, 2, 8, 120.5, 0);
        List<Object> messages = List.of(
                new LlmBackend.Acquire("r-1", 42, granted.getRef()),
                new LlmBackend.Release("r-1", LlmBackend.Outcome.FAILED, 250, 90, 0.25, 2000),
                new LlmBackend.GetStatus(status.getRef()),
                new LlmBackend.Status("gpu1", List.of("qwen"), 3, 2, 8, 60, 10_000,
                        Optional.of(Instant.parse("2026-11-26T12:00:00Z")), 120.5, 7, 1, 900, 0.125),
                new LlmBackend.GetLoad(load.getRef()),
                new LlmBackend.Granted("r-1", snapshot, entity.getRef()),
                snapshot);

        for (Object message : messages) {
            var serialization = SerializationExtension.get(kit.system().classicSystem());
            Serializer serializer = serialization.findSerializerFor(message);
            assertEquals(akka.serialization.jackson.JacksonJsonSerializer.class, serializer.getClass());
            byte[] bytes = serialization.serialize(message).get();
            String manifest = akka.serialization.Serializers.manifestFor(serializer, message);
            assertEquals(message, serialization.deserialize(bytes, serializer.identifier(), manifest).get());
        }
    }
}
