package dev.softwarefactory.runtime.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** akka-persistence-jdbc's tables in a PostgreSQL journal: creates them, and checks they are there. */
public final class JournalSchema {
    static final List<String> TABLES = List.of("event_journal", "event_tag", "snapshot");
    private static final String SCRIPT = "/db/postgres-schema.sql";

    private JournalSchema() {
    }

    /** Creates whatever of the schema is missing; running it again changes nothing. */
    public static void create(PostgresJournal journal) {
        try (Connection connection = journal.connect(); Statement statement = connection.createStatement()) {
            statement.execute(script());
        } catch (SQLException e) {
            throw new JournalUnavailable("cannot create the journal's tables in " + journal.url() + ": "
                    + e.getMessage());
        }
    }

    /** The tables of the schema the database lacks. */
    public static List<String> missingTables(PostgresJournal journal) {
        List<String> missing = new ArrayList<>();
        try (Connection connection = journal.connect();
                PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?)")) {
            for (String table : TABLES) {
                query.setString(1, "public." + table);
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next() || result.getString(1) == null) {
                        missing.add(table);
                    }
                }
            }
        } catch (SQLException e) {
            throw new JournalUnavailable("cannot read the journal's tables in " + journal.url() + ": "
                    + e.getMessage());
        }
        return missing;
    }

    /** Refuses a database without the schema, naming the command that creates it. */
    public static void require(PostgresJournal journal) {
        List<String> missing = missingTables(journal);
        if (!missing.isEmpty()) {
            throw new JournalUnavailable("the journal database " + journal.url() + " has no " + String.join(", ", missing)
                    + " table: create the schema with: java -jar node.jar db init --journal " + journal.url());
        }
    }

    private static String script() {
        try (InputStream in = JournalSchema.class.getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
