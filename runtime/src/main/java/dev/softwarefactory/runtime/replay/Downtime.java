package dev.softwarefactory.runtime.replay;

import dev.softwarefactory.runtime.Company;
import java.util.List;

/**
 * How long a run stood still: for each resume, the time from the run's last event before it to the
 * moment it resumed. Fed the run's events in order.
 */
public final class Downtime {
    private long millis;
    private long last;

    void add(long timestamp, Object event) {
        if (event instanceof Company.RunResumed resumed && last > 0) {
            millis += Math.max(0, resumed.resumedAt() - last);
        }
        last = timestamp;
    }

    long millis() {
        return millis;
    }

    /** The downtime of a run's steps. */
    public static long of(List<Step> steps) {
        Downtime downtime = new Downtime();
        steps.forEach(step -> downtime.add(step.timestamp(), step.event()));
        return downtime.millis();
    }
}
