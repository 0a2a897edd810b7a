package dev.softwarefactory.runtime;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code software-factory.sandbox.mode}: which sandbox commands run in. */
public enum SandboxMode {
    /** Bubblewrap if it runs here, else no sandbox with one warning. */
    AUTO,
    /** Bubblewrap or nothing: a node without a working bubblewrap refuses to start. */
    BWRAP,
    /** No sandbox. */
    NONE;

    private static final Logger LOG = LoggerFactory.getLogger(SandboxMode.class);

    public static SandboxMode parse(String value) {
        for (SandboxMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "software-factory.sandbox.mode must be auto, bwrap or none, not '" + value + "'");
    }

    /** The sandbox for this mode, trying {@code bubblewrap} once where the mode may use it. */
    public Sandbox select(Bubblewrap bubblewrap) {
        if (this == NONE) {
            return chosen(new Unsandboxed());
        }
        String problem = bubblewrap.problem().orElse(null);
        if (problem == null) {
            return chosen(bubblewrap);
        }
        if (this == BWRAP) {
            throw new SandboxUnavailable("software-factory.sandbox.mode = bwrap, but bubblewrap does not work here ("
                    + problem + "); install it (apt-get install bubblewrap) or set the mode to auto or none");
        }
        LOG.warn("Commands run WITHOUT a sandbox (network and the whole file system reachable): bubblewrap does "
                + "not work here ({}). Install it (apt-get install bubblewrap) to confine them.", problem);
        return new Unsandboxed();
    }

    private static Sandbox chosen(Sandbox sandbox) {
        LOG.info("Commands of actions run with {}", sandbox.description());
        return sandbox;
    }
}
