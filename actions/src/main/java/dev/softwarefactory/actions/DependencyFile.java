package dev.softwarefactory.actions;

import java.util.Optional;

/** The file that pins a project's dependencies, when the runtime writes it (Python's requirements.txt). */
public record DependencyFile(String path, String content) {

    /** Java and Node projects declare dependencies in their build file, which the Engineer writes. */
    public static Optional<DependencyFile> of(Design design) {
        if (design.toolchain() != Toolchain.PYTHON) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("# Pinned dependencies: pip install -r requirements.txt\n");
        if (design.dependencies().isEmpty()) {
            text.append("# none: the project uses only the Python standard library\n");
        }
        design.dependencies().forEach(d -> text.append(d.name()).append("==").append(d.version()).append('\n'));
        return Optional.of(new DependencyFile("requirements.txt", text.toString()));
    }
}
