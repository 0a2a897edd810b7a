package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.persistence.query.javadsl.ReadJournal;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An entity's events read back whole from LevelDB, whatever their count. */
class EntityEventsTest {
    @TempDir
    static Path dataDir;
    static ActorTestKit kit;

    /** Persists the number of events it is told, one at a time, and says when they are written. */
    static final class Writer extends EventSourcedBehavior<Writer.Write, Writer.Written, Integer> {
        record Write(int count, ActorRef<Integer> replyTo) implements JsonSerializable {
        }

        record Written(int n) implements JsonSerializable {
        }

        static Behavior<Write> create(String id) {
            return new Writer(id);
        }

        private Writer(String id) {
            super(PersistenceId.ofUniqueId(id));
        }

        @Override
        public Integer emptyState() {
            return 0;
        }

        @Override
        public CommandHandler<Write, Written, Integer> commandHandler() {
            return newCommandHandlerBuilder().forAnyState().onCommand(Write.class, (state, cmd) -> Effect()
                    .persist(java.util.stream.IntStream.rangeClosed(1, cmd.count()).mapToObj(Written::new).toList())
                    .thenReply(cmd.replyTo(), s -> s)).build();
        }

        @Override
        public EventHandler<Integer, Written> eventHandler() {
            return newEventHandlerBuilder().forAnyState().onEvent(Written.class, (state, e) -> state + 1).build();
        }
    }

    @BeforeAll
    static void start() {
        kit = ActorTestKit.create("entity-events", NodeConfig.forDataDir(dataDir, ConfigFactory.empty()));
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 99, 100, 101, 200, 201, 250})
    void everyEventIsReadWhateverTheirCount(int count) {
        String id = "writer-" + count;
        TestProbe<Integer> written = kit.createTestProbe();
        kit.spawn(Writer.create(id)).tell(new Writer.Write(count, written.getRef()));
        assertEquals(count, written.receiveMessage(Duration.ofSeconds(30)));
        CurrentEventsByPersistenceIdQuery query = (CurrentEventsByPersistenceIdQuery) PersistenceQuery.get(
                kit.system()).getReadJournalFor(ReadJournal.class, "akka.persistence.query.journal.leveldb");
        List<EventEnvelope> events = EntityEvents.all(query, kit.system(), id, stage -> {
            try {
                return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("a page of " + id + " was not read: " + e, e);
            }
        });
        assertEquals(count, events.size());
        assertEquals(count, events.get(events.size() - 1).sequenceNr());
    }
}
