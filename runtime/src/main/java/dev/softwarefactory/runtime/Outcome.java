package dev.softwarefactory.runtime;

/** How a run ended, or that it has not. CANCELLED: a user stopped it before its end. */
public enum Outcome {
    RUNNING, SUCCEEDED, FAILED, CANCELLED
}
