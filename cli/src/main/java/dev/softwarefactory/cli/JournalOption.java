package dev.softwarefactory.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import picocli.CommandLine.Option;

/** --journal, the one setting that moves a node from its embedded LevelDB to a shared PostgreSQL. */
final class JournalOption {
    @Option(names = "--journal", paramLabel = "URL",
            description = "leveldb (default: under the data dir) or jdbc:postgresql://HOST:5432/DB, shared by"
                    + " the nodes of a cluster; the user and password come from PGUSER and PGPASSWORD"
                    + " (default: software-factory.journal in conf/application.conf).")
    String journal;

    /** The user's config with this option, when given, over software-factory.journal. */
    Config over(Config userOverrides) {
        return journal == null ? userOverrides
                : userOverrides.withValue("software-factory.journal", ConfigValueFactory.fromAnyRef(journal));
    }
}
