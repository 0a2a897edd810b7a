package dev.softwarefactory.llmgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdmissionTimesTest {
    @Test
    void drainGivesTheRecordedFiguresSortedAndForgetsThem() {
        AdmissionTimes times = new AdmissionTimes();
        times.record(30);
        times.record(10);
        times.record(20);

        assertArrayEquals(new long[] {10, 20, 30}, times.drain());
        assertEquals(0, times.drain().length);
    }

    @Test
    void onlyTheLatestFiguresAreKept() {
        AdmissionTimes times = new AdmissionTimes();
        for (int i = 0; i < 70_000; i++) {
            times.record(i);
        }

        long[] kept = times.drain();

        assertEquals(65_536, kept.length);
        assertEquals(69_999, kept[kept.length - 1]);
    }
}
