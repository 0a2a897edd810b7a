package dev.softwarefactory.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Ctrl-C (or SIGTERM) on a followed run: one line saying what became of the run, and the process ends
 * at once. A run on a node of this process stops: every effect is persisted (fsync) before it counts,
 * so stopping here loses nothing that a SIGKILL would not, and waiting for the actor system's orderly
 * shutdown took up to 11 s. A run on a serving node goes on there: this command only detaches.
 */
final class StopOnInterrupt implements AutoCloseable {
    /** The exit status of a process ended by SIGINT. */
    static final int STOPPED = 130;
    private final Thread hook;
    private volatile boolean armed = true;

    private StopOnInterrupt(String line, PrintStream out) {
        this.hook = new Thread(() -> {
            if (armed) {
                // Holding the stream's lock until the halt: no progress line gets printed after this one.
                synchronized (out) {
                    out.println();
                    out.println(line);
                    out.flush();
                    Runtime.getRuntime().halt(STOPPED);
                }
            }
        }, "stop-on-interrupt");
    }

    /** For a run on a node of this process, which stops with it. */
    static StopOnInterrupt arm(String runId, Path dataDir, PrintStream out) {
        return arm("run " + runId + " stopped; continue it with: " + ResumeHint.command(runId, dataDir), out);
    }

    /** For a run on a serving node, which goes on without this command; {@code follow} is how to follow it again. */
    static StopOnInterrupt detach(String runId, String nodeUrl, String follow, PrintStream out) {
        return arm("detached from run " + runId + ", which goes on at the node at " + nodeUrl
                + "; follow it again with: " + follow, out);
    }

    private static StopOnInterrupt arm(String line, PrintStream out) {
        StopOnInterrupt stop = new StopOnInterrupt(line, out);
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
