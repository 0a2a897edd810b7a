package dev.softwarefactory.llmgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LimitersTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void pacerAtSixHundredPerMinuteNeverLetsAMinuteHoldMoreThanSixHundred() {
        RequestPacer pacer = new RequestPacer(600);
        long now = 0;
        int inFirstMinute = 0;
        while (now < 60 * SECOND) {
            now += pacer.waitNanos(now);
            if (now < 60 * SECOND) {
                pacer.take(now);
                inFirstMinute++;
            }
        }

        assertTrue(inFirstMinute <= 600, inFirstMinute + " requests in a minute");
        assertTrue(inFirstMinute >= 588, "only " + inFirstMinute + " requests: the limit is not used");
    }

    @Test
    void pacerWhoseRequestsStartLateStillUsesTheLimitWithoutExceedingIt() {
        RequestPacer pacer = new RequestPacer(600);
        long lateness = 9_000_000L;
        long now = 0;
        java.util.List<Long> starts = new java.util.ArrayList<>();
        while (now < 120 * SECOND) {
            now += pacer.waitNanos(now) + lateness;
            pacer.take(now);
            starts.add(now);
        }
        long inSecondMinute = starts.stream().filter(t -> t >= 60 * SECOND && t < 120 * SECOND).count();

        assertTrue(inSecondMinute <= 600, inSecondMinute + " requests in a minute");
        assertTrue(inSecondMinute >= 588, "only " + inSecondMinute + " requests: lateness ate the rate");
    }

    @Test
    void pacerWithoutALimitNeverWaits() {
        RequestPacer pacer = new RequestPacer(0);
        pacer.take(0);

        assertEquals(0, pacer.waitNanos(0));
    }

    @Test
    void idlePacerLetsTheNextRequestGoAtOnce() {
        RequestPacer pacer = new RequestPacer(60);
        pacer.take(0);

        assertTrue(pacer.waitNanos(SECOND / 2) > 0);
        assertEquals(0, pacer.waitNanos(5 * SECOND));
    }

    @Test
    void tokenBucketInDebtWaitsUntilRefilled() {
        TokenBucket bucket = new TokenBucket(6000);
        bucket.take(0, 6100);

        long wait = bucket.waitNanos(0);

        assertTrue(wait > SECOND && wait < 2 * SECOND, "waits " + wait + " ns for 101 tokens at 100/s");
        assertEquals(0, bucket.waitNanos(wait));
    }

    @Test
    void tokenBucketWithoutALimitNeverWaits() {
        TokenBucket bucket = new TokenBucket(0);
        bucket.take(0, 1_000_000);

        assertEquals(0, bucket.waitNanos(0));
    }
}
