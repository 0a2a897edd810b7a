package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path base;

    private Path outside;
    private Workspace workspace;

    @BeforeEach
    void setUp() throws IOException {
        outside = Files.createDirectory(base.resolve("outside"));
        workspace = new Workspace(base.resolve("ws"));
    }

    private long filesOutside() throws IOException {
        try (Stream<Path> files = Files.walk(outside)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void writesANestedFileCreatingItsFolders() throws IOException {
        workspace.write("src/game/main.py", "print('hi')\n");

        Path written = base.resolve("ws/src/game/main.py");
        assertTrue(Files.isDirectory(base.resolve("ws/src/game")));
        assertEquals("print('hi')\n", Files.readString(written));
    }

    @Test
    void refusesAnAbsolutePath() throws IOException {
        String absolute = outside.resolve("abs.txt").toString();

        assertThrows(IllegalArgumentException.class, () -> workspace.write(absolute, "x"));

        assertEquals(0, filesOutside());
    }

    @Test
    void refusesAPathWithDotDotSegments() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> workspace.write("src/../../outside/up.txt", "x"));

        assertEquals(0, filesOutside());
    }

    @Test
    void refusesAnEmptyPath() {
        assertThrows(IllegalArgumentException.class, () -> workspace.write("", "x"));
        assertThrows(IllegalArgumentException.class, () -> workspace.write("   ", "x"));
    }

    @Test
    void refusesAPathThroughASymlinkLeavingTheWorkspace() throws IOException {
        Files.createDirectories(workspace.root());
        Files.createSymbolicLink(workspace.root().resolve("link"), outside);

        assertThrows(IllegalArgumentException.class, () -> workspace.write("link/escaped.txt", "x"));

        assertEquals(0, filesOutside());
    }

    @Test
    void checkRelativeAcceptsARelativePathWithoutTouchingDisk() {
        Path notCreated = base.resolve("never-created");
        new Workspace(notCreated);

        assertEquals(Path.of("src/a.py"), Workspace.checkRelative("src/a.py"));
        assertFalse(Files.exists(notCreated));
    }

    @Test
    void checkRelativeRefusesAbsoluteAndDotDotPaths() {
        assertThrows(IllegalArgumentException.class, () -> Workspace.checkRelative("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> Workspace.checkRelative("a/../../b"));
    }

    @Test
    void refusesAPathThroughADanglingLink() throws IOException {
        Files.createDirectories(base.resolve("ws"));
        Files.createSymbolicLink(base.resolve("ws/dangling"), outside.resolve("new.txt"));

        assertThrows(IllegalArgumentException.class, () -> workspace.write("dangling", "x"));
        assertFalse(Files.exists(outside.resolve("new.txt")));
    }
}
