package dev.softwarefactory.cli;

import dev.softwarefactory.node.NodeSession;
import dev.softwarefactory.runtime.NodeConfig;
import dev.softwarefactory.runtime.journal.JournalSchema;
import dev.softwarefactory.runtime.journal.PostgresJournal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the journal's tables (akka-persistence-jdbc's PostgreSQL schema) in the database"
                + " --journal names. Safe to run again: it creates only what is missing.")
final class DbInitCommand implements Callable<Integer> {
    @Mixin
    JournalOption journal;

    @Override
    public Integer call() {
        PostgresJournal database = NodeConfig.postgresJournal(journal.over(NodeSession.userOverrides()))
                .orElseThrow(() -> new UsageError("db init needs a PostgreSQL journal:"
                        + " --journal jdbc:postgresql://HOST:5432/DB"));
        List<String> missing = JournalSchema.missingTables(database);
        if (missing.isEmpty()) {
            System.out.println("journal schema already in " + database.url() + "; nothing to do");
            return 0;
        }
        JournalSchema.create(database);
        System.out.println("journal schema created in " + database.url() + " (" + String.join(", ", missing) + ")");
        return 0;
    }
}
