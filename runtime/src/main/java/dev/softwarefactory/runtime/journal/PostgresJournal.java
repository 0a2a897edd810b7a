package dev.softwarefactory.runtime.journal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL journal: its URL and the credentials to reach it. The credentials come from the
 * environment (PGUSER, PGPASSWORD, as PostgreSQL's own tools read them) or the node's config, never
 * from the command line, and are never printed.
 */
public record PostgresJournal(String url, String user, String password) {
    private static final String PREFIX = "jdbc:postgresql://";

    /**
     * The journal {@code software-factory.journal} names; empty for the embedded LevelDB one.
     *
     * @throws JournalUnavailable when the setting is neither, or no user is given
     */
    public static Optional<PostgresJournal> from(Config factory, Map<String, String> env) {
        String journal = factory.getString("journal").strip();
        if (journal.equals("leveldb")) {
            return Optional.empty();
        }
        if (!journal.startsWith(PREFIX) || journal.length() == PREFIX.length()) {
            throw new JournalUnavailable("the journal must be leveldb or jdbc:postgresql://HOST:PORT/DATABASE, not "
                    + journal);
        }
        if (journal.contains("password=")) {
            throw new JournalUnavailable("put the journal's password in PGPASSWORD (or software-factory.journal-password),"
                    + " not in its URL");
        }
        String user = first(env.get("PGUSER"), factory.getString("journal-user"));
        if (user.isEmpty()) {
            throw new JournalUnavailable("the PostgreSQL journal needs a user: set PGUSER (and PGPASSWORD),"
                    + " or software-factory.journal-user");
        }
        return Optional.of(new PostgresJournal(journal, user,
                first(env.get("PGPASSWORD"), factory.getString("journal-password"))));
    }

    private static String first(String env, String config) {
        return env != null && !env.isBlank() ? env : config;
    }

    /** The Akka settings that put the journal, snapshots and read journal on this database. */
    public Config akkaConfig() {
        String db = "akka-persistence-jdbc.shared-databases.slick.db.";
        return ConfigFactory.parseResources("jdbc-journal.conf")
                .withValue(db + "url", ConfigValueFactory.fromAnyRef(url))
                .withValue(db + "user", ConfigValueFactory.fromAnyRef(user))
                .withValue(db + "password", ConfigValueFactory.fromAnyRef(password));
    }

    /** A plain JDBC connection, for the schema commands (the node itself uses the shared pool). */
    public Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new JournalUnavailable("cannot reach the journal database " + url + " as " + user + ": "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return url + " as " + user;
    }
}
