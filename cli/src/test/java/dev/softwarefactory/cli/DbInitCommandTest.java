package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softwarefactory.runtime.journal.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db init against a PostgreSQL server (needs the test server of .ci/postgres). */
class DbInitCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void dbInitCreatesTheSchemaOnceAndIsSafeToRunAgain() {
        try (TestDatabase database = TestDatabase.create()) {
            NodeProcess first = NodeProcess.run(dir, "db", "init", "--journal", database.url());
            assertEquals(0, first.exitCode(WAIT), first.output());
            assertEquals(List.of("journal schema created in " + database.url() + " (event_journal, event_tag, snapshot)"),
                    first.stdout());
            NodeProcess second = NodeProcess.run(dir, "db", "init", "--journal", database.url());
            assertEquals(0, second.exitCode(WAIT), second.output());
            assertEquals(List.of("journal schema already in " + database.url() + "; nothing to do"), second.stdout());
        }
    }

    @Test
    void dbInitWithoutAPostgresJournalIsAUsageError() {
        NodeProcess node = NodeProcess.run(dir, "db", "init");
        assertEquals(2, node.exitCode(WAIT), node.output());
        assertEquals(List.of("error: db init needs a PostgreSQL journal: --journal jdbc:postgresql://HOST:5432/DB"),
                node.stderr());
    }
}
