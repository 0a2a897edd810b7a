package dev.softwarefactory.node;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New run ids: start time to the second and a random suffix, e.g. 20261124-182301-a3f9c2. Six hex
 * digits, as a serving node starts hundreds of runs within one second.
 */
public final class RunIds {
    private RunIds() {
    }

    public static String next() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }
}
