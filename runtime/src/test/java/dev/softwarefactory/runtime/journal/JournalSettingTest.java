package dev.softwarefactory.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.runtime.NodeConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal is one setting: LevelDB by default, a PostgreSQL URL for a cluster. */
class JournalSettingTest {
    private static Config factory(String settings) {
        return ConfigFactory.parseString("software-factory {\n" + settings + "\n}").withFallback(NodeConfig.nodeDefaults()).getConfig("software-factory");
    }

    @Test
    void leveldbIsTheDefault() {
        assertTrue(PostgresJournal.from(factory(""), Map.of()).isEmpty());
        Config node = NodeConfig.forDataDir(Path.of("data"), ConfigFactory.empty());
        assertEquals("akka.persistence.journal.leveldb", node.getString("akka.persistence.journal.plugin"));
    }

    @Test
    void credentialsComeFromPgUserAndPgPasswordBeforeTheConfig() {
        PostgresJournal journal = PostgresJournal.from(factory("""
                journal = "jdbc:postgresql://db:5432/factory"
                journal-user = config-user
                journal-password = config-secret
                """), Map.of("PGUSER", "env-user", "PGPASSWORD", "env-secret")).orElseThrow();
        assertEquals(new PostgresJournal("jdbc:postgresql://db:5432/factory", "env-user", "env-secret"), journal);
        assertEquals("config-user", PostgresJournal.from(factory("""
                journal = "jdbc:postgresql://db:5432/factory"
                journal-user = config-user
                """), Map.of()).orElseThrow().user());
    }

    @Test
    void aPostgresUrlPutsJournalSnapshotsAndQueriesOnOneSharedPool() {
        Config node = NodeConfig.forDataDir(Path.of("data"), ConfigFactory.parseString("""
                software-factory.journal = "jdbc:postgresql://db:5432/factory"
                software-factory.journal-user = factory
                software-factory.journal-pool-size = 5
                """));
        assertEquals("jdbc-journal", node.getString("akka.persistence.journal.plugin"));
        assertEquals("jdbc-snapshot-store", node.getString("akka.persistence.snapshot-store.plugin"));
        assertEquals("jdbc-read-journal", node.getString("software-factory.query-journal"));
        for (String plugin : new String[] {"jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal"}) {
            assertEquals("slick", node.getString(plugin + ".use-shared-db"), plugin);
        }
        Config db = node.getConfig("akka-persistence-jdbc.shared-databases.slick.db");
        assertEquals("jdbc:postgresql://db:5432/factory", db.getString("url"));
        assertEquals(5, db.getInt("maxConnections"));
        assertEquals(5, db.getInt("numThreads"));
    }

    @Test
    void theToStringNeverShowsThePassword() {
        assertFalse(new PostgresJournal("jdbc:postgresql://db/f", "u", "s3cret").toString().contains("s3cret"));
    }

    @Test
    void anotherKindOfUrlIsRefusedInOneLine() {
        JournalUnavailable refused = assertThrows(JournalUnavailable.class,
                () -> PostgresJournal.from(factory("journal = \"mysql://db/factory\""), Map.of("PGUSER", "u")));
        assertEquals("the journal must be leveldb or jdbc:postgresql://HOST:PORT/DATABASE, not mysql://db/factory",
                refused.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsRefused() {
        JournalUnavailable refused = assertThrows(JournalUnavailable.class, () -> PostgresJournal.from(
                factory("journal = \"jdbc:postgresql://db/f?user=u&password=p\""), Map.of("PGUSER", "u")));
        assertTrue(refused.getMessage().startsWith("put the journal's password in PGPASSWORD"), refused.getMessage());
    }

    @Test
    void aMissingUserIsRefusedNamingPgUser() {
        JournalUnavailable refused = assertThrows(JournalUnavailable.class,
                () -> PostgresJournal.from(factory("journal = \"jdbc:postgresql://db/f\""), Map.of()));
        assertTrue(refused.getMessage().contains("set PGUSER"), refused.getMessage());
    }
}
