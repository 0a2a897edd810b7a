package dev.softwarefactory.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Ctrl-C (or SIGTERM) on a followed run: one line with the command that continues it, and the process
 * ends at once. Every effect is persisted (fsync) before it counts, so stopping here loses nothing
 * that a SIGKILL would not; waiting for the actor system's orderly shutdown took up to 11 s.
 */
final class StopOnInterrupt implements AutoCloseable {
    /** The exit status of a process ended by SIGINT. */
    static final int STOPPED = 130;
    private final Thread hook;
    private volatile boolean armed = true;

    private StopOnInterrupt(String runId, Path dataDir, PrintStream out) {
        this.hook = new Thread(() -> {
            if (armed) {
                out.println();
                out.println("run " + runId + " stopped; continue it with: " + ResumeHint.command(runId, dataDir));
                out.flush();
                Runtime.getRuntime().halt(STOPPED);
            }
        }, "stop-on-interrupt");
    }

    static StopOnInterrupt arm(String runId, Path dataDir, PrintStream out) {
        StopOnInterrupt stop = new StopOnInterrupt(runId, dataDir, out);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** The run ended (or the command is done with it): an interrupt now is an ordinary exit. */
    @Override
    public void close() {
        armed = false;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }
}
