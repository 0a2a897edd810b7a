package dev.softwarefactory.runtime.replay;

/** A rerun or fork asked for an effect the source run recorded differently, or not at all. */
public final class RunDiverged extends RuntimeException {
    public RunDiverged(String message) {
        super(message);
    }
}
