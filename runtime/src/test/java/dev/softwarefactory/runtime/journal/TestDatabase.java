package dev.softwarefactory.runtime.journal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own on the test PostgreSQL server that {@code .ci/postgres start} describes
 * (SF_TEST_JDBC_URL, PGUSER, PGPASSWORD); dropped on close. Tests that need one are skipped where no
 * server is given.
 */
public final class TestDatabase implements AutoCloseable {
    private final PostgresJournal server;
    private final String name;
    private final PostgresJournal journal;

    private TestDatabase(PostgresJournal server, String name) {
        this.server = server;
        this.name = name;
        String base = server.url().substring(0, server.url().lastIndexOf('/') + 1);
        this.journal = new PostgresJournal(base + name, server.user(), server.password());
    }

    /** Creates a database with a unique name, without the journal's tables. */
    public static TestDatabase create() {
        Map<String, String> env = System.getenv();
        String url = env.get("SF_TEST_JDBC_URL");
        assumeTrue(url != null && !url.isBlank(), "no test PostgreSQL: run eval \"$(.ci/postgres start)\" first");
        PostgresJournal server = new PostgresJournal(url, env.getOrDefault("PGUSER", ""),
                env.getOrDefault("PGPASSWORD", ""));
        String name = "sf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server, "CREATE DATABASE " + name);
        return new TestDatabase(server, name);
    }

    /** Creates a database with the journal's tables. */
    public static TestDatabase withSchema() {
        TestDatabase database = create();
        JournalSchema.create(database.journal);
        return database;
    }

    public PostgresJournal journal() {
        return journal;
    }

    public String url() {
        return journal.url();
    }

    @Override
    public void close() {
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(PostgresJournal server, String sql) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
