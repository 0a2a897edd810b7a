package dev.softwarefactory.cli.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.pubsub.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The baseline for publish-to-observe: one message through a bare Akka Topic, no persistence. */
final class TopicRoundTrip {
    private TopicRoundTrip() {
    }

    static List<Long> latenciesNanos(ActorSystem<?> system, int count) throws Exception {
        AtomicReference<CompletableFuture<Long>> arrival = new AtomicReference<>();
        ActorRef<Long> subscriber = system.systemActorOf(Behaviors.<Long>receiveMessage(sentAt -> {
            arrival.get().complete(System.nanoTime() - sentAt);
            return Behaviors.same();
        }), "bench-subscriber", Props.empty());
        ActorRef<Topic.Command<Long>> subscriberSide = system.systemActorOf(Topic.create(Long.class, "bench"),
                "bench-topic-sub", Props.empty());
        ActorRef<Topic.Command<Long>> publisherSide = system.systemActorOf(Topic.create(Long.class, "bench"),
                "bench-topic-pub", Props.empty());
        subscriberSide.tell(Topic.subscribe(subscriber));
        awaitSubscriberSeen(publisherSide, arrival);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arrival.set(new CompletableFuture<>());
            publisherSide.tell(Topic.publish(System.nanoTime()));
            latencies.add(arrival.get().get(10, TimeUnit.SECONDS));
        }
        return latencies;
    }

    /** The publishing side learns of subscribers through the receptionist: wait until one arrives. */
    private static void awaitSubscriberSeen(ActorRef<Topic.Command<Long>> publisher,
            AtomicReference<CompletableFuture<Long>> arrival) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            arrival.set(new CompletableFuture<>());
            publisher.tell(Topic.publish(System.nanoTime()));
            try {
                arrival.get().get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException notYet) {
                // the receptionist has not told the publishing side yet; publish again
            }
        }
        throw new IllegalStateException("the bench topic never reached its subscriber");
    }
}
