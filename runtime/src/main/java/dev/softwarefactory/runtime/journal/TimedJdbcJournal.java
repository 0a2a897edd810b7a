package dev.softwarefactory.runtime.journal;

import akka.persistence.AtomicWrite;
import akka.persistence.jdbc.journal.JdbcAsyncWriteJournal;
import com.typesafe.config.Config;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/** akka-persistence-jdbc's journal, each write timed for {@link JournalWrites}. */
public final class TimedJdbcJournal extends JdbcAsyncWriteJournal {
    private final JournalWrites writes = JournalWrites.get(context().system());

    public TimedJdbcJournal(Config config) {
        super(config);
    }

    @Override
    public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
        return writes.timed(System.nanoTime(), super.asyncWriteMessages(messages));
    }
}
