package dev.softwarefactory.runtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softwarefactory.runtime.Company;
import java.util.List;
import org.junit.jupiter.api.Test;

class DowntimeTest {
    private static Step step(long number, long timestamp, Object event) {
        return new Step(number, timestamp, "Company", event.getClass().getSimpleName(), 0, "", "", 0, 0, "", event);
    }

    @Test
    void eachResumeAddsTheTimeFromTheLastEventBeforeItToTheResume() {
        List<Step> steps = List.of(step(1, 1_000, "started"), step(2, 2_000, "worked"),
                step(3, 9_000, new Company.RunResumed(7_500)), step(4, 9_500, "worked"),
                step(5, 20_000, new Company.RunResumed(19_500)));

        assertEquals(5_500 + 10_000, Downtime.of(steps));
    }

    @Test
    void aRunNeverResumedStoodStillForNoTime() {
        assertEquals(0, Downtime.of(List.of(step(1, 1_000, "started"), step(2, 60_000, "worked"))));
    }
}
