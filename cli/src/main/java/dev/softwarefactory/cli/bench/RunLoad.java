package dev.softwarefactory.cli.bench;

import dev.softwarefactory.roles.DemoScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the demo scenario through a node's API: {@code runs} runs, {@code concurrency} at a time, each
 * followed over server-sent events to its end. Records each run's wall time, status and event latencies.
 */
final class RunLoad {
    record Result(double seconds, List<Double> runSeconds, Map<String, Integer> byStatus, List<Long> sseMillis,
            List<String> failures) {
        int count(String status) {
            return byStatus.getOrDefault(status, 0);
        }
    }

    private RunLoad() {
    }

    static Result run(RunsApi api, String llm, int runs, int concurrency) throws Exception {
        ConcurrentLinkedQueue<Double> runSeconds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> sse = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, Integer> byStatus = new ConcurrentHashMap<>();
        AtomicInteger left = new AtomicInteger(runs);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> slots = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                slots.add(clients.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long submitted = System.nanoTime();
                        try {
                            String id = api.start(DemoScenario.REQUIREMENT, llm);
                            api.follow(id, sse::add);
                            runSeconds.add((System.nanoTime() - submitted) / 1e9);
                            byStatus.merge(api.status(id), 1, Integer::sum);
                        } catch (Exception e) {
                            byStatus.merge("ERROR", 1, Integer::sum);
                            failures.add(e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> slot : slots) {
                slot.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return new Result((System.nanoTime() - start) / 1e9, new ArrayList<>(runSeconds), Map.copyOf(byStatus),
                new ArrayList<>(sse), new ArrayList<>(failures));
    }
}
