package dev.softwarefactory.cli.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import dev.softwarefactory.node.NodeSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The journal's own write latency: one event persisted at a time (fsync on), as a run's actors do. */
final class JournalLatency {
    private JournalLatency() {
    }

    /** Milliseconds per persisted event, one event after the other. */
    static List<Double> millis(NodeSession session, int events) {
        ActorRef<BenchRecorder.Command> recorder = session.system().systemActorOf(BenchRecorder.create("latency"),
                "bench-journal-latency", Props.empty());
        String payload = "x".repeat(300);
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long start = System.nanoTime();
            AskPattern.<BenchRecorder.Command, Long>ask(recorder, reply -> new BenchRecorder.Record(1, payload, reply),
                    Duration.ofSeconds(30), session.system().scheduler()).toCompletableFuture().join();
            latencies.add((System.nanoTime() - start) / 1e6);
        }
        return latencies;
    }
}
