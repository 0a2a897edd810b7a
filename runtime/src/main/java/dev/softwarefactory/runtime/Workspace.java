package dev.softwarefactory.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** A run's folder: the projection of its FileWritten effects. Paths never leave it. */
public final class Workspace {
    private final Path root;

    public Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Resolves a relative path inside the workspace, refusing absolute paths, "..", and links out. */
    public Path resolve(String relative) {
        Path target = root.resolve(checkRelative(relative)).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("file path outside the workspace refused: " + relative);
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create workspace " + root + ": " + e.getMessage(), e);
        }
        Path existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing != null && !existing.toRealPath().startsWith(root.toRealPath())) {
                throw new IllegalArgumentException("file path leaves the workspace through a link: " + relative);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("file path goes through a dangling link: " + relative);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Checks a path the model gave without touching the disk: relative, with no "..". */
    public static Path checkRelative(String relative) {
        if (relative == null || relative.isBlank()) {
            throw new IllegalArgumentException("empty file path");
        }
        Path given = Path.of(relative);
        if (given.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
            throw new IllegalArgumentException("absolute file path refused: " + relative);
        }
        for (Path part : given) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException("file path with '..' refused: " + relative);
            }
        }
        if (given.normalize().toString().isEmpty() || given.normalize().toString().equals(".")) {
            throw new IllegalArgumentException("file path names no file: " + relative);
        }
        return given;
    }

    public void write(String relative, String content) {
        try {
            Files.createDirectories(root);
            Path target = resolve(relative);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
        }
    }
}
