package dev.softwarefactory.actions;

import java.util.regex.Pattern;

/** A third-party package the design needs, at one exact version. */
public record Dependency(String name, String version) {
    private static final Pattern EXACT = Pattern.compile("[0-9][0-9A-Za-z.+_-]*");

    public Dependency {
        if (name == null || name.isBlank()) {
            throw new AnswerRejected("a dependency has no \"name\"");
        }
        if (version == null || !EXACT.matcher(version).matches()) {
            throw new AnswerRejected("dependency " + name + " must be pinned to an exact version (e.g. 2.31.0), not "
                    + version);
        }
    }
}
