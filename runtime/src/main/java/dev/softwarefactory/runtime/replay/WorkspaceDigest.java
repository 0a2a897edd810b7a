package dev.softwarefactory.runtime.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over a workspace's files (relative paths and contents, in path order), leaving out the
 * runtime-owned {@code .sf/} folder: equal digests mean byte-identical projects.
 */
public final class WorkspaceDigest {
    private static final String RUNTIME_FOLDER = ".sf";

    private WorkspaceDigest() {
    }

    public static String of(Path workspace) {
        MessageDigest sha = sha256();
        if (!Files.isDirectory(workspace)) {
            return HexFormat.of().formatHex(sha.digest());
        }
        try (Stream<Path> walk = Files.walk(workspace)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !workspace.relativize(p).startsWith(RUNTIME_FOLDER))
                    .sorted((a, b) -> relative(workspace, a).compareTo(relative(workspace, b))).toList();
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                sha.update(relative(workspace, file).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workspace " + workspace + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
