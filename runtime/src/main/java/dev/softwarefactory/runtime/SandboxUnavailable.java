package dev.softwarefactory.runtime;

/** The configuration requires a sandbox this machine cannot provide. */
public final class SandboxUnavailable extends RuntimeException {
    public SandboxUnavailable(String message) {
        super(message);
    }
}
