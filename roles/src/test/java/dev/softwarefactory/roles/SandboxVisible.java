package dev.softwarefactory.roles;

import java.nio.file.Path;

/**
 * Where tests put package sources (wheelhouses, file repositories, tarballs) that sandboxed installs
 * must read: the module's build folder, or a folder in the home directory when the checkout lies under
 * /tmp, which bubblewrap replaces with an empty folder of the command's own.
 */
final class SandboxVisible {
    private SandboxVisible() {
    }

    static Path parent() {
        Path target = Path.of("target").toAbsolutePath();
        return target.startsWith("/tmp") ? Path.of(System.getProperty("user.home"), ".cache",
                "software-factory-tests") : target;
    }
}
