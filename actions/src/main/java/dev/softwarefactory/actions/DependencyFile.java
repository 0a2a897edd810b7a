package dev.softwarefactory.actions;

import java.util.Optional;

/**
 * The file that pins a Python project's dependencies, which the runtime writes: exactly what the
 * project's venv held when the tests passed, each at its installed version (the pins and what they
 * pulled in). Java and Node projects declare theirs in the build file the Engineer writes.
 */
public record DependencyFile(String path, String content) {

    /** From the tested environment; from the design's pins when the environment could not be read. */
    public static Optional<DependencyFile> of(Design design, Optional<InstalledEnvironment> tested) {
        if (design.toolchain() != Toolchain.PYTHON) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        if (tested.isPresent()) {
            text.append("# What the tests ran with (the project's venv), pinned: pip install -r requirements.txt\n");
            tested.get().packages().forEach((name, version) -> text.append(name).append("==").append(version)
                    .append('\n'));
        } else {
            text.append("# The design's pins: pip install -r requirements.txt\n");
            design.dependencies().forEach(d -> text.append(d.name()).append("==").append(d.version()).append('\n'));
        }
        if (text.indexOf("==") < 0) {
            text.append("# none: the project uses only the Python standard library\n");
        }
        return Optional.of(new DependencyFile("requirements.txt", text.toString()));
    }
}
