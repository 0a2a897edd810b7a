package dev.softwarefactory.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** db init on a PostgreSQL server (needs the test server of .ci/postgres). */
class JournalSchemaTest {
    @Test
    void anEmptyDatabaseIsRefusedNamingTheCommandThatFixesIt() {
        try (TestDatabase database = TestDatabase.create()) {
            assertEquals(List.of("event_journal", "event_tag", "snapshot"), JournalSchema.missingTables(database.journal()));
            JournalUnavailable refused = assertThrows(JournalUnavailable.class,
                    () -> JournalSchema.require(database.journal()));
            assertTrue(refused.getMessage().endsWith("java -jar node.jar db init --journal " + database.url()),
                    refused.getMessage());
        }
    }

    @Test
    void creatingTheSchemaTwiceIsSafe() {
        try (TestDatabase database = TestDatabase.create()) {
            JournalSchema.create(database.journal());
            JournalSchema.create(database.journal());
            assertEquals(List.of(), JournalSchema.missingTables(database.journal()));
            assertDoesNotThrow(() -> JournalSchema.require(database.journal()));
        }
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheDatabase() {
        try (TestDatabase database = TestDatabase.create()) {
            PostgresJournal wrong = new PostgresJournal(database.url(), database.journal().user(), "not-the-password");
            JournalUnavailable refused = assertThrows(JournalUnavailable.class, () -> JournalSchema.create(wrong));
            assertTrue(refused.getMessage().startsWith("cannot reach the journal database " + database.url()),
                    refused.getMessage());
            assertTrue(!refused.getMessage().contains("\n"), refused.getMessage());
        }
    }
}
