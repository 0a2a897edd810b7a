package dev.softwarefactory.llmgateway.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the backend for one attempt: among those this request may use now, the least loaded
 * relative to capacity, latency breaking ties; the backend a run's role used before while it is
 * within the affinity margin of the best (GPU servers reuse that role's cached prompt prefix).
 */
final class Router {
    private static final int AFFINITY_ENTRIES = 10_000;
    private final LoadBoard board;
    private final double margin;
    private final Map<String, String> affinity = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > AFFINITY_ENTRIES;
                }
            });

    Router(LoadBoard board, double margin) {
        this.board = board;
        this.margin = margin;
    }

    /** A target and how long to wait before trying it (0: now). */
    record Choice(Target target, long waitNanos) {
    }

    /**
     * @param notBefore per backend, when this request may try it again (after a failure there)
     */
    Choice choose(List<Target> targets, String affinityKey, Map<String, Long> notBefore, long now) {
        Target best = null;
        double bestScore = Double.MAX_VALUE;
        Target soonest = targets.get(0);
        long soonestAt = Long.MAX_VALUE;
        for (Target t : targets) {
            long availableAt = Math.max(notBefore.getOrDefault(t.backend(), now), board.coolingUntil(t.backend()));
            if (availableAt > now) {
                if (availableAt < soonestAt) {
                    soonest = t;
                    soonestAt = availableAt;
                }
                continue;
            }
            double score = board.relativeLoad(t.backend());
            if (best == null || score < bestScore || score == bestScore
                    && board.latencyMillis(t.backend()) < board.latencyMillis(best.backend())) {
                best = t;
                bestScore = score;
            }
        }
        if (best == null) {
            return new Choice(soonest, soonestAt - now);
        }
        Target sticky = stickyTarget(targets, affinityKey, notBefore, now);
        if (sticky != null && board.relativeLoad(sticky.backend()) <= bestScore + margin) {
            return new Choice(sticky, 0);
        }
        affinity.put(affinityKey, best.backend());
        return new Choice(best, 0);
    }

    private Target stickyTarget(List<Target> targets, String affinityKey, Map<String, Long> notBefore, long now) {
        String backend = affinity.get(affinityKey);
        if (backend == null || notBefore.getOrDefault(backend, now) > now || board.coolingUntil(backend) > now) {
            return null;
        }
        return targets.stream().filter(t -> t.backend().equals(backend)).findFirst().orElse(null);
    }
}
