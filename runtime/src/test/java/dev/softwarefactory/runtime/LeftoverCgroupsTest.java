package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Needs a pids hierarchy this process may write (as the sandbox's limits do); skipped elsewhere. */
class LeftoverCgroupsTest {
    private Path parent;
    private Path deadNodes;
    private Path liveNodes;

    @BeforeEach
    void makeGroups() throws Exception {
        parent = CommandCgroup.own("pids");
        Assumptions.assumeTrue(Files.isWritable(parent), "cannot make control groups in " + parent);
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        deadNodes = Files.createDirectory(parent.resolve("sf-pid" + exited.pid() + "-left-by-a-killed-node"));
        liveNodes = Files.createDirectory(parent.resolve(LeftoverCgroups.newName()));
    }

    @AfterEach
    void removeGroups() throws IOException {
        if (liveNodes != null) {
            Files.deleteIfExists(liveNodes);
            Files.deleteIfExists(deadNodes);
        }
    }

    @Test
    void theEmptyGroupsOfNodesNoLongerRunningAreRemovedAndALiveNodesAreKept() {
        assertTrue(LeftoverCgroups.remove(parent) >= 1);

        assertFalse(Files.exists(deadNodes), "a dead node's group is removed");
        assertTrue(Files.isDirectory(liveNodes), "this node's group is kept");
    }

    @Test
    void aDeadNodesGroupWithAProcessStillInItIsKept() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(deadNodes.resolve("cgroup.procs"), Long.toString(sleeper.pid()));

            LeftoverCgroups.remove(parent);

            assertTrue(Files.isDirectory(deadNodes), "a group with a process in it is kept");
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        LeftoverCgroups.remove(parent);
        assertFalse(Files.exists(deadNodes), "removed once its process ended");
    }

    @Test
    void anEmptyGroupOfAnEarlierNodeWithoutItsPidIsRemovedOnlyOnceAnHourOld() throws IOException {
        Path old = Files.createDirectory(parent.resolve("sf-" + UUID.randomUUID()));
        Path fresh = Files.createDirectory(parent.resolve("sf-" + UUID.randomUUID()));
        try {
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

            LeftoverCgroups.remove(parent);

            assertFalse(Files.exists(old), "an hour-old empty group is nobody's");
            assertTrue(Files.isDirectory(fresh), "a new one may be a running older node's, about to be used");
        } finally {
            Files.deleteIfExists(old);
            Files.deleteIfExists(fresh);
        }
    }
}
