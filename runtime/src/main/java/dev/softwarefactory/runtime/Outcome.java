package dev.softwarefactory.runtime;

/** How a run ended, or that it has not. */
public enum Outcome {
    RUNNING, SUCCEEDED, FAILED
}
