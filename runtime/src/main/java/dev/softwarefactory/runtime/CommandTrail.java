package dev.softwarefactory.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded commands a workspace has itself run, one marker file each under {@code .sf/ran/}
 * (outside the project, as the runtime's folder is). The journal keeps a command's result but not its
 * side effects, such as the environment a project's commands run in: a role resumed on another node
 * after its own died is served the result, and must run the command there too to have them.
 */
final class CommandTrail {
    private final Path dir;

    CommandTrail(Workspace workspace) {
        this.dir = workspace.root().resolve(".sf").resolve("ran");
    }

    boolean ran(String role, long invocation, String key) {
        return Files.isRegularFile(marker(role, invocation, key));
    }

    void mark(String role, long invocation, String key) {
        try {
            Files.createDirectories(dir);
            Files.writeString(marker(role, invocation, key), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path marker(String role, long invocation, String key) {
        return dir.resolve(URLEncoder.encode(role + "#" + invocation + "#" + key, StandardCharsets.UTF_8));
    }
}
