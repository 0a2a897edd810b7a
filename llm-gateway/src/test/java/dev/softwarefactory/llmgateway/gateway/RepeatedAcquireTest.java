package dev.softwarefactory.llmgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A caller that heard nothing asks for its permit again under the same request id (its message or
 * the grant may have been lost with a node): the backend grants one permit per id, and a request
 * asked again while it waits keeps its place in the queue and is answered at its latest address.
 */
class RepeatedAcquireTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(100), 5,
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60), 0.25);

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void aPermitAskedForAgainIsGrantedAgainWithoutTakingASecondSlot() {
        ActorRef<LlmBackend.Command> backend = oneSlotBackend();
        TestProbe<LlmBackend.Granted> first = kit.createTestProbe();
        TestProbe<LlmBackend.Granted> again = kit.createTestProbe();

        backend.tell(new LlmBackend.Acquire("a", 1, first.getRef()));
        first.receiveMessage();
        backend.tell(new LlmBackend.Acquire("a", 1, again.getRef()));

        assertEquals("a", again.receiveMessage().requestId());
        assertEquals(1, status(backend).inFlight());
    }

    @Test
    void aWaitingRequestAskedAgainKeepsItsPlaceAndIsAnsweredAtItsLatestAddress() {
        ActorRef<LlmBackend.Command> backend = oneSlotBackend();
        TestProbe<LlmBackend.Granted> holder = kit.createTestProbe();
        TestProbe<LlmBackend.Granted> lost = kit.createTestProbe();
        TestProbe<LlmBackend.Granted> waiting = kit.createTestProbe();
        TestProbe<LlmBackend.Granted> later = kit.createTestProbe();
        backend.tell(new LlmBackend.Acquire("holder", 1, holder.getRef()));
        holder.receiveMessage();
        backend.tell(new LlmBackend.Acquire("waiting", 1, lost.getRef()));
        backend.tell(new LlmBackend.Acquire("later", 1, later.getRef()));

        backend.tell(new LlmBackend.Acquire("waiting", 1, waiting.getRef()));
        assertEquals(2, status(backend).queued());
        backend.tell(new LlmBackend.Release("holder", LlmBackend.Outcome.SUCCEEDED, 10, 1, 0, 0));

        assertEquals("waiting", waiting.receiveMessage().requestId());
        lost.expectNoMessage(Duration.ofMillis(200));
        later.expectNoMessage(Duration.ofMillis(200));
    }

    /** A backend of one call at a time (its server is never called: permits only). */
    private static ActorRef<LlmBackend.Command> oneSlotBackend() {
        return kit.spawn(LlmBackend.create(BackendSettings.of("one", BackendKind.OPENAI, "http://127.0.0.1:9",
                Optional.empty(), "m", 1), RETRY));
    }

    private static LlmBackend.Status status(ActorRef<LlmBackend.Command> backend) {
        TestProbe<LlmBackend.Status> status = kit.createTestProbe();
        backend.tell(new LlmBackend.GetStatus(status.getRef()));
        return status.receiveMessage();
    }
}
