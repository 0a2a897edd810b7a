package dev.softwarefactory.runtime;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * How many commands (builds, installs, tests) a node runs at once; the others wait. Hundreds of runs
 * on one node would otherwise start hundreds of test runs together: they take as long in sum on the
 * same cores, but every run finishes late, and together they can take more memory than the machine
 * has. A free slot goes to the oldest run waiting (run ids begin with their start time), so runs end
 * one after another, oldest first, instead of all together at the end; within a run, first come
 * first served.
 */
public final class CommandSlots {
    private record Waiter(String runId, long arrival) {
    }

    private static final Comparator<Waiter> OLDEST_RUN_FIRST =
            Comparator.comparing(Waiter::runId).thenComparingLong(Waiter::arrival);
    private final int size;
    private final PriorityQueue<Waiter> queue = new PriorityQueue<>(OLDEST_RUN_FIRST);
    private int free;
    private long arrivals;

    public CommandSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("command slots must be at least 1; got " + size);
        }
        this.size = size;
        this.free = size;
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

    /** Waits for a slot for a command of {@code runId}; the caller must {@link #release} it. */
    synchronized void acquire(String runId) throws InterruptedException {
        Waiter me = new Waiter(runId, arrivals++);
        queue.add(me);
        try {
            while (free == 0 || queue.peek() != me) {
                wait();
            }
        } catch (InterruptedException e) {
            queue.remove(me);
            notifyAll();
            throw e;
        }
        queue.poll();
        free--;
        if (free > 0) {
            notifyAll();
        }
    }

    synchronized void release() {
        free++;
        notifyAll();
    }

    public int size() {
        return size;
    }

    /** Commands running now. */
    public synchronized int running() {
        return size - free;
    }

    /** Commands waiting for a slot now. */
    public synchronized int waiting() {
        return queue.size();
    }
}
