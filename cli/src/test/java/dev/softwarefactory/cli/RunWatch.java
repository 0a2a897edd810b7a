package dev.softwarefactory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows runs through one node's API until they end. Runs that make no step for {@link #STALL} fail
 * the wait at once, with their last steps, instead of after the whole budget.
 */
final class RunWatch {
    static final Duration STALL = Duration.ofSeconds(90);
    private static final int LAST_STEPS = 8;

    private RunWatch() {
    }

    /** Each run's listing once it ended, in the order given. */
    static Map<String, JsonNode> awaitEnd(ClusterNode node, List<String> runs, Duration budget) {
        long start = System.nanoTime();
        long movedAt = start;
        Map<String, Long> steps = new LinkedHashMap<>();
        Map<String, JsonNode> ended = new LinkedHashMap<>();
        while (ended.size() < runs.size()) {
            for (String run : runs) {
                if (ended.containsKey(run)) {
                    continue;
                }
                JsonNode detail = node.get("/api/runs/" + run);
                long now = detail.get("steps").asLong();
                Long before = steps.put(run, now);
                if (!detail.get("run").get("status").asText().equals("RUNNING")) {
                    ended.put(run, detail.get("run"));
                }
                if (before == null || before != now) {
                    movedAt = System.nanoTime();
                }
            }
            List<String> open = runs.stream().filter(r -> !ended.containsKey(r)).toList();
            if (!open.isEmpty() && System.nanoTime() - movedAt > STALL.toNanos()) {
                throw node.failure("shows runs " + open + " stuck: no step for " + STALL + "\n" + lastSteps(node, open));
            }
            if (!open.isEmpty() && System.nanoTime() - start > budget.toNanos()) {
                throw node.failure("shows runs " + open + " unfinished after " + budget + "\n" + lastSteps(node, open));
            }
            ClusterNode.pause(500);
        }
        return ended;
    }

    private static String lastSteps(ClusterNode node, List<String> runs) {
        List<String> lines = new ArrayList<>();
        for (String run : runs) {
            JsonNode steps = node.get("/api/runs/" + run + "/timeline?limit=10000").get("steps");
            lines.add("run " + run + ", last steps:");
            for (int i = Math.max(0, steps.size() - LAST_STEPS); i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                lines.add("  " + step.get("step") + " " + step.get("role").asText() + " " + step.get("event").asText()
                        + " " + step.get("action").asText() + " " + step.get("key").asText() + " "
                        + step.get("summary").asText());
            }
        }
        return String.join("\n", lines);
    }
}
