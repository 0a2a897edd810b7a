package dev.softwarefactory.runtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceDigestTest {
    @TempDir
    Path dir;

    private Path workspace(String name, String... pathsAndContents) throws IOException {
        Path root = dir.resolve(name);
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = root.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        return root;
    }

    @Test
    void workspacesWithTheSameFilesHaveTheSameDigest() throws IOException {
        assertEquals(WorkspaceDigest.of(workspace("a", "src/a.py", "x = 1\n", "b.md", "# b")),
                WorkspaceDigest.of(workspace("b", "b.md", "# b", "src/a.py", "x = 1\n")));
    }

    @Test
    void oneChangedByteChangesTheDigest() throws IOException {
        assertNotEquals(WorkspaceDigest.of(workspace("a", "src/a.py", "x = 1\n")),
                WorkspaceDigest.of(workspace("b", "src/a.py", "x = 2\n")));
    }

    @Test
    void aRenamedFileChangesTheDigest() throws IOException {
        assertNotEquals(WorkspaceDigest.of(workspace("a", "a.py", "x")),
                WorkspaceDigest.of(workspace("b", "b.py", "x")));
    }

    @Test
    void contentCannotPassForAPathBoundary() throws IOException {
        assertNotEquals(WorkspaceDigest.of(workspace("a", "a", "bc", "d", "")),
                WorkspaceDigest.of(workspace("b", "a", "b", "cd", "")));
    }

    @Test
    void theRuntimesOwnFolderIsLeftOut() throws IOException {
        assertEquals(WorkspaceDigest.of(workspace("a", "a.py", "x")),
                WorkspaceDigest.of(workspace("b", "a.py", "x", ".sf/sandbox.log", "ran at 12:00")));
    }
}
