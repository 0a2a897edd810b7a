package dev.softwarefactory.runtime;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many commands (builds, installs, tests) a node runs at once; the others wait, first come first
 * served. Hundreds of runs on one node would otherwise start hundreds of test runs together: they take
 * as long in sum either way on the same cores, but all of them finish late, and together they can
 * take more memory than the machine has.
 */
public final class CommandSlots {
    private final int size;
    private final Semaphore free;
    private final AtomicInteger waiting = new AtomicInteger();

    public CommandSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("command slots must be at least 1; got " + size);
        }
        this.size = size;
        this.free = new Semaphore(size, true);
    }

    /** {@code configured} slots, or for 0 twice the cores but at least 4: commands also wait on disk and network. */
    public static CommandSlots of(int configured) {
        if (configured < 0) {
            throw new IllegalArgumentException(
                    "software-factory.sandbox.max-concurrent-commands must be 0 (automatic) or more; got " + configured);
        }
        return new CommandSlots(configured > 0 ? configured
                : Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Waits for a slot; the caller must {@link #release} it. */
    void acquire() throws InterruptedException {
        waiting.incrementAndGet();
        try {
            free.acquire();
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release() {
        free.release();
    }

    public int size() {
        return size;
    }

    /** Commands running now. */
    public int running() {
        return size - free.availablePermits();
    }

    /** Commands waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }
}
